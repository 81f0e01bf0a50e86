import { getDb } from "@/db/client";
import { claimPendingWebhookEvents, settleWebhookEvents, type ClaimedWebhookEvent, type WebhookEventSettlement } from "@/db/queries/webhook-events";
import { findAccountByPhoneNumberId } from "@/db/queries/whatsapp-accounts";
import { enqueue } from "@/lib/jobs/boss";
import { log } from "@/lib/log";
import type { WaMessagesValue, WaWebhookPayload } from "@/lib/whatsapp/webhook-types";
import { applyMessagesValue, errorText, newOutcome, processPayload, processWebhookEvent, settlementOf, unroutableNumber, type Outcome } from "./process";

/**
 * The "whatsapp.webhook" queue carries wake-ups, not work: the work is the PENDING rows of webhook_events. Receiving
 * enqueues one with DRAIN_KEY (the queue's "short" policy keeps at most one waiting, so a burst of webhooks makes one
 * job, and one queued while a drain runs still wakes the next drain). A job naming an event with `retry` is the
 * queue's retry of an event a drain marked FAILED. A worker process runs one drain at a time (its batches grow with
 * the backlog; concurrent drainers would split it into small ones); more worker processes drain side by side.
 */
export type WebhookJob = { eventId?: number; retry?: boolean };
export const DRAIN_KEY = "drain";

/** Events claimed per transaction: large enough to share statements across many messages, small enough to stay fast. */
const BATCH = 200;
/** How long a drain lets a small batch gather before claiming again (a little latency, far fewer statements). */
const GATHER_MS = 20;
/** A drain gives its worker slot back after this long and queues the rest. */
const BUDGET_MS = 20_000;

export async function runWebhookJob(job: WebhookJob) {
  if (job.retry && job.eventId) return processWebhookEvent(job.eventId);
  await drainWebhookEvents();
}

/** Processes PENDING events in batches until none is left to claim. Returns how many it settled. */
export async function drainWebhookEvents(opts: { batch?: number; budgetMs?: number } = {}) {
  const batch = opts.batch ?? BATCH;
  const until = Date.now() + (opts.budgetMs ?? BUDGET_MS);
  let total = 0;
  for (;;) {
    const claimed = await drainOnce(batch);
    total += claimed;
    // Nothing left to claim (or the rest is another drainer's). Under load this loop keeps running, its batches
    // growing with the backlog, instead of one job per small batch.
    if (claimed === 0) return total;
    // A small batch means the backlog is gone: let the next one gather for a moment, since every batch costs the
    // same dozen statements (and commits) whatever its size.
    if (claimed < batch / 4) await new Promise((r) => setTimeout(r, GATHER_MS));
    if (Date.now() > until) {
      await enqueue("whatsapp.webhook", {}, { singletonKey: DRAIN_KEY });
      return total;
    }
  }
}

/**
 * One batch: claimed and settled in one transaction that holds the event rows (nothing else), while the work runs
 * in its own transactions, one per WhatsApp number. A crash before the settle leaves the events PENDING: the work is
 * idempotent, so the next drain simply does it again.
 */
async function drainOnce(limit: number): Promise<number> {
  const failed: WebhookEventSettlement[] = [];
  const count = await getDb().transaction(async (tx) => {
    const events = await claimPendingWebhookEvents(tx, limit);
    if (!events.length) return 0;
    const settled = await processBatch(events);
    await settleWebhookEvents(tx, settled);
    failed.push(...settled.filter((s) => s.status === "FAILED"));
    return events.length;
  });
  // The queue's retry policy (backoff, limit) takes over a failed event, as for any job.
  for (const f of failed) await enqueue("whatsapp.webhook", { eventId: f.id, retry: true }, { singletonKey: `event:${f.id}`, startAfter: 5 });
  return count;
}

type Part = { eventId: number; value: WaMessagesValue };

/**
 * Splits the claimed events into "messages" changes grouped by number, which are applied together (one merged value
 * per number), and events processed on their own: account events (rare), payloads that cannot be read, and every
 * event of a number whose merged work failed, so that one poison event cannot fail its neighbours.
 */
async function processBatch(events: ClaimedWebhookEvent[]): Promise<WebhookEventSettlement[]> {
  const outcomes = new Map<number, Outcome>(events.map((e) => [e.id, newOutcome()]));
  const alone = new Set<number>();
  const byNumber = new Map<string, Part[]>();
  for (const event of events) {
    const parts = messagesParts(event);
    if (!parts) {
      alone.add(event.id);
      continue;
    }
    for (const part of parts) {
      const phoneNumberId = part.value?.metadata?.phone_number_id;
      if (!phoneNumberId) outcomes.get(event.id)!.unroutable.push(unroutableNumber(undefined));
      else if (byNumber.has(phoneNumberId)) byNumber.get(phoneNumberId)!.push(part);
      else byNumber.set(phoneNumberId, [part]);
    }
  }

  for (const [phoneNumberId, parts] of byNumber) {
    try {
      const account = await findAccountByPhoneNumberId(phoneNumberId);
      if (!account) {
        for (const p of parts) outcomes.get(p.eventId)!.unroutable.push(unroutableNumber(phoneNumberId));
        continue;
      }
      await applyMessagesValue(account, merge(parts.map((p) => p.value)));
      for (const p of parts) outcomes.get(p.eventId)!.orgIds.add(account.orgId);
    } catch (error) {
      log.warn("whatsapp webhook batch failed: processing its events one by one", { phoneNumberId, events: parts.length, error });
      for (const p of parts) alone.add(p.eventId);
    }
  }

  const settled: WebhookEventSettlement[] = [];
  for (const event of events) {
    if (!alone.has(event.id)) {
      settled.push(settlementOf(event.id, outcomes.get(event.id)!));
      continue;
    }
    try {
      settled.push(settlementOf(event.id, await processPayload(event.payload)));
    } catch (error) {
      log.warn("whatsapp webhook event failed", { eventId: event.id, error });
      settled.push({ id: event.id, status: "FAILED", orgId: null, error: errorText(error) });
    }
  }
  return settled;
}

/** The "messages" changes of an event; null when it holds anything else, or is not readable as a payload. */
function messagesParts(event: ClaimedWebhookEvent): Part[] | null {
  try {
    const parts: Part[] = [];
    for (const entry of (event.payload as WaWebhookPayload).entry ?? []) {
      for (const change of entry.changes ?? []) {
        if (change?.field !== "messages") return null;
        parts.push({ eventId: event.id, value: change.value as WaMessagesValue });
      }
    }
    return parts;
  } catch {
    return null;
  }
}

/** Several values of one number as one, in delivery order. */
function merge(values: WaMessagesValue[]): WaMessagesValue {
  if (values.length === 1) return values[0];
  return {
    ...values[0],
    messages: values.flatMap((v) => v.messages ?? []),
    statuses: values.flatMap((v) => v.statuses ?? []),
    contacts: values.flatMap((v) => v.contacts ?? []),
    errors: values.flatMap((v) => v.errors ?? []),
  };
}
