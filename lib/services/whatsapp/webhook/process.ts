import { claimWebhookEvent, settleWebhookEvent, type WebhookEventSettlement } from "@/db/queries/webhook-events";
import { findAccountByPhoneNumberId, type WhatsappAccountRow } from "@/db/queries/whatsapp-accounts";
import { log } from "@/lib/log";
import type { WaChange, WaMessagesValue, WaWebhookPayload } from "@/lib/whatsapp/webhook-types";
import { ACCOUNT_EVENT_HANDLERS, ignoredField } from "./account-events";
import { receiveMessages } from "./messages";
import { applyStatuses } from "./statuses";

/** What processing one event found out: the organizations it was routed to, and what could not be routed. */
export type Outcome = { orgIds: Set<number>; unroutable: string[] };
export const newOutcome = (): Outcome => ({ orgIds: new Set(), unroutable: [] });

export const unroutableNumber = (phoneNumberId: string | undefined) => `phone_number_id ${phoneNumberId ?? "(missing)"}`;

/** The messages, statuses and errors of one or more "messages" changes of the same number (a drained batch merges them). */
export async function applyMessagesValue(account: WhatsappAccountRow, value: WaMessagesValue) {
  if (value.messages?.length) await receiveMessages(account, value);
  if (value.statuses?.length) await applyStatuses(account, value.statuses);
  if (value.errors?.length) log.warn("whatsapp webhook reported errors", { accountId: account.id, errors: value.errors });
}

async function processMessagesChange(value: WaMessagesValue, out: Outcome) {
  const phoneNumberId = value?.metadata?.phone_number_id;
  const account = phoneNumberId ? await findAccountByPhoneNumberId(phoneNumberId) : undefined;
  if (!account) {
    out.unroutable.push(unroutableNumber(phoneNumberId));
    return;
  }
  out.orgIds.add(account.orgId);
  await applyMessagesValue(account, value);
}

export async function processChange(wabaId: string, change: WaChange, out: Outcome) {
  if (change.field === "messages") return processMessagesChange(change.value as WaMessagesValue, out);
  const handler = ACCOUNT_EVENT_HANDLERS[change.field];
  if (!handler) return ignoredField(change.field);
  const orgIds = await handler(wabaId, change.value as never);
  if (!orgIds.length) out.unroutable.push(`${change.field} for WABA ${wabaId}`);
  for (const id of orgIds) out.orgIds.add(id);
}

/** Every change of one event, in order, on its own. Throws on the first failure. */
export async function processPayload(payload: unknown): Promise<Outcome> {
  const out = newOutcome();
  for (const entry of (payload as WaWebhookPayload).entry ?? []) {
    for (const change of entry.changes ?? []) await processChange(entry.id, change, out);
  }
  return out;
}

/** The final state of an event processed without error. Unknown numbers are kept and reported, never retried. */
export function settlementOf(id: number, out: Outcome): WebhookEventSettlement {
  if (out.unroutable.length) log.warn("whatsapp webhook for an unknown number", { eventId: id, unroutable: out.unroutable });
  const routed = out.orgIds.size > 0;
  return {
    id,
    status: !routed && out.unroutable.length ? "UNROUTABLE" : "PROCESSED",
    orgId: routed ? [...out.orgIds][0] : null,
    error: out.unroutable.length ? `Unroutable: ${out.unroutable.join("; ")}` : null,
  };
}

export const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * One event on its own (tests, and the queue's retry of an event a drain marked FAILED). Safe to run
 * more than once for the same event: every write is idempotent. A failure marks the event FAILED and rethrows so
 * the queue retries it.
 */
export async function processWebhookEvent(eventId: number) {
  const event = await claimWebhookEvent(eventId);
  if (!event) return;
  let out: Outcome;
  try {
    out = await processPayload(event.payload);
  } catch (error) {
    await settleWebhookEvent(eventId, { status: "FAILED", error: errorText(error) });
    throw error;
  }
  await settleWebhookEvent(eventId, settlementOf(eventId, out));
}
