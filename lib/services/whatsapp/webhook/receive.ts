import { insertWebhookEvent, insertWebhookEventGrouped } from "@/db/queries/webhook-events";
import { errors, pgErrorCode } from "@/lib/api/errors";
import { safeEqual } from "@/lib/crypto/tokens";
import { env } from "@/lib/env";
import { enqueue } from "@/lib/jobs/boss";
import { log } from "@/lib/log";
import { verifySignature } from "@/lib/whatsapp/signature";
import { DRAIN_KEY } from "./drain";

/** Meta sends batches of up to 1,000 updates; 3 MB leaves room for the largest. */
export const WEBHOOK_MAX_BYTES = 3 * 1024 * 1024;

/** The subscription handshake: echo hub.challenge only to whoever knows our verify token. */
export function verifySubscription(query: URLSearchParams): string | null {
  const token = query.get("hub.verify_token");
  if (query.get("hub.mode") !== "subscribe" || !token || !safeEqual(token, env().META_VERIFY_TOKEN)) return null;
  return query.get("hub.challenge") ?? "";
}

export const webhookTooLarge = (max = WEBHOOK_MAX_BYTES) => errors.tooLarge(`Webhook body exceeds ${max} bytes`);

/** Reads the body as bytes (the signature covers the exact bytes), refusing anything over `max` without buffering it. */
export async function readRawBody(req: Request, max = WEBHOOK_MAX_BYTES): Promise<Buffer> {
  const tooLarge = () => webhookTooLarge(max);
  if (Number(req.headers.get("content-length") ?? 0) > max) throw tooLarge();
  if (!req.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = req.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

const isExpectedShape = (p: unknown) =>
  typeof p === "object" && p !== null && (p as { object?: unknown }).object === "whatsapp_business_account" && Array.isArray((p as { entry?: unknown }).entry);

/** jsonb refuses \u0000 inside strings (22P05); such a payload is stored without those characters. */
async function store(raw: string, parsed: unknown, status: "PENDING" | "UNEXPECTED", error: string | null = null) {
  try {
    return await insertWebhookEventGrouped(raw, status, error);
  } catch (e) {
    if (pgErrorCode(e) !== "22P05") throw e;
    const clean = JSON.stringify(parsed, (_k, v) => (typeof v === "string" ? v.replaceAll("\u0000", "") : v));
    return insertWebhookEvent(clean, status, error);
  }
}

let sending: Promise<unknown> | null = null;
let following: Promise<unknown> | null = null;

/**
 * Wakes the drain. A wake-up covers every event stored before it reaches the database, so concurrent requests share
 * them: at most one is in flight per process, and requests arriving meanwhile share the one that follows it (the one
 * in flight may have been recorded before their event was). Under load this turns one enqueue per webhook into one
 * per database round trip.
 */
function wakeDrain(eventId: number): Promise<unknown> {
  if (!sending) {
    sending = enqueue("whatsapp.webhook", { eventId }, { singletonKey: DRAIN_KEY }).finally(() => (sending = null));
    return sending;
  }
  following ??= sending
    .catch(() => undefined)
    .then(() => {
      following = null;
      return wakeDrain(eventId);
    });
  return following;
}

/** Tests await this before looking at the queue: the wake-ups are not awaited by the requests. */
export async function settleWakeups() {
  while (sending || following) await Promise.allSettled([sending, following]);
}

/**
 * The hot path of POST /api/webhooks/whatsapp: signature first (nothing is stored for a bad one), then one INSERT of
 * the raw event, then a wake-up of the "whatsapp.webhook" drain, where all the work happens.
 */
export async function receiveWebhook(raw: Buffer, signature: string | null): Promise<{ received: true }> {
  if (!verifySignature(raw, signature, env().META_APP_SECRET)) throw errors.unauthenticated("Invalid webhook signature");
  const text = raw.toString("utf8");
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    throw errors.validation("Malformed JSON body", [{ path: "(root)", message: "is not valid JSON" }]);
  }
  if (!isExpectedShape(payload)) {
    // Signed by Meta but not what we understand: kept for inspection and acknowledged, or Meta would retry for days.
    const id = await store(text, payload, "UNEXPECTED", "Not a whatsapp_business_account payload with an entry list");
    log.warn("whatsapp webhook of unexpected shape", { eventId: id });
    return { received: true };
  }
  const eventId = await store(text, payload, "PENDING");
  // Answered as soon as the event is stored: the wake-up of the drain (which processes every PENDING event in
  // batches, drain.ts) goes out without holding the answer, since under load it can wait for two round trips. A lost
  // wake-up costs latency, not data: the drain also runs every minute.
  void wakeDrain(eventId).catch((error: unknown) => log.warn("could not wake the webhook drain", { eventId, error }));
  return { received: true };
}
