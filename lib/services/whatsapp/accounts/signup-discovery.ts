import { errors } from "@/lib/api/errors";
import { env } from "@/lib/env";
import { GraphError, graphBaseUrl } from "@/lib/whatsapp/graph";

async function graphRequest(method: "GET" | "POST", path: string, accessToken: string) {
  const res = await fetch(`${graphBaseUrl(false)}${path}`, {
    method,
    headers: { authorization: `Bearer ${accessToken}` },
    signal: AbortSignal.timeout(20_000),
  });
  const body = (await res.json().catch(() => ({}))) as Record<string, unknown> & { error?: { message?: string; code?: number; error_subcode?: number } };
  if (!res.ok || body.error) {
    throw new GraphError(body.error?.message ?? `Graph API answered ${res.status}`, res.status, Number(body.error?.code ?? res.status), body.error?.error_subcode);
  }
  return body;
}

/**
 * When the browser could not pass the popup's session info, the token itself says which WABAs were shared with us
 * (debug_token's granular scopes, read with the app token), and the WABA lists its numbers.
 */
export async function discoverSharedNumber(accessToken: string, hint: { wabaId?: string; phoneNumberId?: string }) {
  const e = env();
  let wabaId = hint.wabaId;
  if (!wabaId) {
    const q = new URLSearchParams({ input_token: accessToken });
    const debug = (await graphRequest("GET", `/debug_token?${q}`, `${e.META_APP_ID}|${e.META_APP_SECRET}`)) as {
      data?: { granular_scopes?: { scope: string; target_ids?: string[] }[] };
    };
    const scope = debug.data?.granular_scopes?.find((s) => s.scope === "whatsapp_business_management");
    wabaId = scope?.target_ids?.[0];
  }
  if (!wabaId) throw errors.rule("NO_WHATSAPP_ACCOUNT", "No WhatsApp Business Account was shared during signup");
  if (hint.phoneNumberId) return { wabaId, phoneNumberId: hint.phoneNumberId };
  const numbers = (await graphRequest("GET", `/${wabaId}/phone_numbers?fields=id`, accessToken)) as { data?: { id: string }[] };
  const phoneNumberId = numbers.data?.[0]?.id;
  if (!phoneNumberId) throw errors.rule("NO_PHONE_NUMBER", "The shared WhatsApp Business Account has no phone number");
  return { wabaId, phoneNumberId };
}

/** Subscribes our Meta app to the WABA's webhooks (idempotent at Meta). */
export async function subscribeApp(wabaId: string, accessToken: string) {
  await graphRequest("POST", `/${wabaId}/subscribed_apps`, accessToken);
}
