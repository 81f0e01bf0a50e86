import { findAccountByPhoneNumberId, type WhatsappAccountRow } from "@/db/queries/whatsapp-accounts";
import { findSandboxAccountByWaba } from "@/db/queries/sandbox";
import { decryptSecret } from "@/lib/crypto/secrets";
import { safeEqual } from "@/lib/crypto/tokens";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { createGraphSimulator, type AuthResult, type AuthScope, type GraphSimulator } from "@/lib/whatsapp/simulator/core";
import type { SimNumber } from "@/lib/whatsapp/simulator/payloads";

/** Where the app mounts the simulator (app/api/sandbox/graph/[...path]/route.ts). */
export const SANDBOX_GRAPH_PATH = "/api/sandbox/graph";

const AUTH_TTL_MS = 30_000;

/**
 * The sandbox numbers' Graph API. Unlike the tests' double, it is reachable by anyone who can reach the app, so a call
 * must carry the token of the sandbox number (or WABA) it touches: otherwise the simulator would sign webhooks about
 * other organizations' numbers. Real numbers' ids are "unknown objects" here.
 */
async function authorize(token: string, scope: AuthScope, cache: Map<string, { result: AuthResult; until: number }>): Promise<AuthResult> {
  if (!scope.phoneNumberId && !scope.wabaId) return "ok";
  const key = `${scope.phoneNumberId ?? ""}|${scope.wabaId ?? ""}|${token}`;
  const hit = cache.get(key);
  if (hit && hit.until > Date.now()) return hit.result;
  const account = scope.phoneNumberId ? await findAccountByPhoneNumberId(scope.phoneNumberId) : await findSandboxAccountByWaba(scope.wabaId!);
  let result: AuthResult = "unknown_object";
  if (account?.isSandbox) result = safeEqual(decryptSecret(account.accessTokenEncrypted), token) ? "ok" : "invalid_token";
  if (cache.size > 1000) cache.clear();
  cache.set(key, { result, until: Date.now() + AUTH_TTL_MS });
  return result;
}

export const simNumberOf = (a: Pick<WhatsappAccountRow, "phoneNumberId" | "wabaId" | "displayPhoneNumber" | "verifiedName">): SimNumber => ({
  phoneNumberId: a.phoneNumberId,
  wabaId: a.wabaId,
  displayPhoneNumber: a.displayPhoneNumber ?? "",
  verifiedName: a.verifiedName ?? undefined,
});

function create(appUrl: string, appSecret: string): GraphSimulator {
  const cache = new Map<string, { result: AuthResult; until: number }>();
  return createGraphSimulator({
    appSecret,
    webhookUrl: `${appUrl}/api/webhooks/whatsapp`,
    basePath: SANDBOX_GRAPH_PATH,
    publicUrl: `${appUrl}${SANDBOX_GRAPH_PATH}`,
    authorize: (token, scope) => authorize(token, scope, cache),
    number: async (id) => {
      const a = await findAccountByPhoneNumberId(id);
      return a ? simNumberOf(a) : undefined;
    },
    onDeliveryError: (error) => log.warn("sandbox webhook delivery failed", { error }),
  });
}

type Holder = { sim?: GraphSimulator; key?: string };
// One simulator per process: the Graph route, the sandbox API and /dev/simulate share its media and templates.
const holder: Holder = ((globalThis as { __cxSandboxSim?: Holder }).__cxSandboxSim ??= {});

export function appSimulator(): GraphSimulator {
  const e = env();
  const key = `${e.APP_URL}|${e.META_APP_SECRET}`;
  if (!holder.sim || holder.key !== key) {
    holder.sim?.close();
    holder.sim = create(e.APP_URL.replace(/\/$/, ""), e.META_APP_SECRET);
    holder.key = key;
  }
  return holder.sim;
}
