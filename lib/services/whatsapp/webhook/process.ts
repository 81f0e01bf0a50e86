import { claimWebhookEvent, settleWebhookEvent } from "@/db/queries/webhook-events";
import { findAccountByPhoneNumberId } from "@/db/queries/whatsapp-accounts";
import { log } from "@/lib/log";
import type { WaChange, WaMessagesValue, WaWebhookPayload } from "@/lib/whatsapp/webhook-types";
import { ACCOUNT_EVENT_HANDLERS, ignoredField } from "./account-events";
import { receiveMessages } from "./messages";
import { applyStatuses } from "./statuses";

type Outcome = { orgIds: Set<number>; unroutable: string[] };

async function processMessagesChange(value: WaMessagesValue, out: Outcome) {
  const phoneNumberId = value?.metadata?.phone_number_id;
  const account = phoneNumberId ? await findAccountByPhoneNumberId(phoneNumberId) : undefined;
  if (!account) {
    out.unroutable.push(`phone_number_id ${phoneNumberId ?? "(missing)"}`);
    return;
  }
  out.orgIds.add(account.orgId);
  if (value.messages?.length) await receiveMessages(account, value);
  if (value.statuses?.length) await applyStatuses(account, value.statuses);
  if (value.errors?.length) log.warn("whatsapp webhook reported errors", { accountId: account.id, errors: value.errors });
}

async function processChange(wabaId: string, change: WaChange, out: Outcome) {
  if (change.field === "messages") return processMessagesChange(change.value as WaMessagesValue, out);
  const handler = ACCOUNT_EVENT_HANDLERS[change.field];
  if (!handler) return ignoredField(change.field);
  const orgIds = await handler(wabaId, change.value as never);
  if (!orgIds.length) out.unroutable.push(`${change.field} for WABA ${wabaId}`);
  for (const id of orgIds) out.orgIds.add(id);
}

/**
 * The worker of the "whatsapp.webhook" queue. Safe to run more than once for the same event (pg-boss retries, a
 * replay): every write below is idempotent. A failure marks the event FAILED and rethrows so the queue retries it.
 */
export async function processWebhookEvent(eventId: number) {
  const event = await claimWebhookEvent(eventId);
  if (!event) return;
  const out: Outcome = { orgIds: new Set(), unroutable: [] };
  try {
    const payload = event.payload as WaWebhookPayload;
    for (const entry of payload.entry ?? []) {
      for (const change of entry.changes ?? []) await processChange(entry.id, change, out);
    }
  } catch (error) {
    await settleWebhookEvent(eventId, { status: "FAILED", error: error instanceof Error ? error.message : String(error) });
    throw error;
  }
  if (out.unroutable.length) log.warn("whatsapp webhook for an unknown number", { eventId, unroutable: out.unroutable });
  const routed = out.orgIds.size > 0;
  await settleWebhookEvent(eventId, {
    // Unknown numbers are kept and reported, never retried: no organization of ours owns them.
    status: !routed && out.unroutable.length ? "UNROUTABLE" : "PROCESSED",
    orgId: routed ? [...out.orgIds][0] : null,
    error: out.unroutable.length ? `Unroutable: ${out.unroutable.join("; ")}` : null,
  });
}
