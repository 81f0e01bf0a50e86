import { findMessagesByProviderIds } from "@/db/queries/sandbox";
import type { WhatsappAccountRow } from "@/db/queries/whatsapp-accounts";
import { AppError } from "@/lib/api/errors";
import { log } from "@/lib/log";
import { inboundPayload, templateStatusPayload, type InboundInput, type TemplateStatusInput } from "@/lib/whatsapp/simulator/payloads";
import type { WaWebhookPayload } from "@/lib/whatsapp/webhook-types";
import { appSimulator, simNumberOf } from "./graph-simulator";

/**
 * Customer messages of the sandbox and /dev/simulate reach the product the way Meta's do: a signed POST to our own
 * webhook endpoint, so the real pipeline (store → queue → process) runs. One retry: a person is waiting.
 */
async function post(payload: WaWebhookPayload) {
  try {
    await appSimulator().deliver(payload, { retries: 1 });
  } catch (error) {
    log.warn("sandbox delivery to the webhook failed", { error });
    throw new AppError("WEBHOOK_UNREACHABLE", 503, "The webhook endpoint did not accept the simulated delivery; try again in a moment");
  }
}

export async function deliverInbound(account: WhatsappAccountRow, input: Omit<InboundInput, "number">) {
  const { payload, wamids } = inboundPayload({ ...input, number: simNumberOf(account) });
  await post(payload);
  return wamids;
}

export async function deliverTemplateStatus(input: TemplateStatusInput) {
  await post(templateStatusPayload(input));
}

/**
 * The pipeline stores messages in a job (usually well under a second). Callers that want ids wait for them here, a
 * bounded time; what is not stored by then is still on its way and is reported as such (null ids).
 */
export async function waitForStored(account: WhatsappAccountRow, wamids: string[], timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await findMessagesByProviderIds(account.orgId, account.id, wamids);
    if (rows.length >= wamids.length || Date.now() >= deadline) return new Map(rows.map((r) => [r.providerMessageId!, r]));
    await new Promise((r) => setTimeout(r, 100));
  }
}
