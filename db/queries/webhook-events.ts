import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { templates, webhookEvents, whatsappAccounts } from "@/db/schema";

export type WebhookEventRow = typeof webhookEvents.$inferSelect;
export type WebhookEventStatus = WebhookEventRow["status"];

const buildInsertEvent = (db: Tx) =>
  db
    .insert(webhookEvents)
    .values({ payload: sql`${sql.placeholder("payload")}::jsonb`, status: sql.placeholder("status"), error: sql.placeholder("error") })
    .returning({ id: webhookEvents.id })
    .prepare("insert_webhook_event");
/** Built once per database handle: this runs for every webhook Meta sends. */
const insertEventStatements = new WeakMap<Tx, ReturnType<typeof buildInsertEvent>>();

/** Stores the delivery as Meta sent it: the raw text goes straight into jsonb, with no re-serialization. */
export async function insertWebhookEvent(rawJson: string, status: WebhookEventStatus, error: string | null = null, tx: Tx = getDb()): Promise<number> {
  let statement = insertEventStatements.get(tx);
  if (!statement) insertEventStatements.set(tx, (statement = buildInsertEvent(tx)));
  const [row] = await statement.execute({ payload: rawJson, status, error });
  return row.id;
}

type Waiting = { payload: string; status: WebhookEventStatus; error: string | null; resolve: (id: number) => void; reject: (e: unknown) => void };
const waiting: Waiting[] = [];
let flushing = false;

/**
 * insertWebhookEvent with group commit: while one INSERT is on its way, the deliveries that arrive wait and go
 * together in the next one, so under load many webhooks share one statement and one WAL flush, and alone a webhook
 * pays no extra wait. Each caller still learns its own id only once its row is committed.
 */
export function insertWebhookEventGrouped(rawJson: string, status: WebhookEventStatus, error: string | null = null): Promise<number> {
  return new Promise((resolve, reject) => {
    waiting.push({ payload: rawJson, status, error, resolve, reject });
    if (!flushing) void flushWaiting();
  });
}

async function flushWaiting() {
  flushing = true;
  try {
    while (waiting.length) {
      const batch = waiting.splice(0, 500);
      if (batch.length === 1) {
        const [one] = batch;
        await insertWebhookEvent(one.payload, one.status, one.error).then(one.resolve, one.reject);
        continue;
      }
      try {
        const rows = await getDb()
          .insert(webhookEvents)
          .values(batch.map((w) => ({ payload: sql`${w.payload}::jsonb`, status: w.status, error: w.error })))
          .returning({ id: webhookEvents.id });
        // Identity values are drawn in row order within the statement: ascending ids follow the batch's order.
        const ids = rows.map((r) => r.id).sort((a, b) => a - b);
        batch.forEach((w, i) => w.resolve(ids[i]));
      } catch {
        // One bad row (e.g. a \u0000 jsonb refuses) fails the statement: each delivery then gets its own outcome.
        await Promise.all(batch.map((w) => insertWebhookEvent(w.payload, w.status, w.error).then(w.resolve, w.reject)));
      }
    }
  } finally {
    flushing = false;
  }
}

/** An event still to process; undefined when it is gone or already settled. A read only: the settle counts the attempt. */
export async function claimWebhookEvent(id: number, tx: Tx = getDb()) {
  const [row] = await tx
    .select({ id: webhookEvents.id, payload: webhookEvents.payload, attempts: webhookEvents.attempts })
    .from(webhookEvents)
    .where(and(eq(webhookEvents.id, id), inArray(webhookEvents.status, ["PENDING", "FAILED"])))
    .limit(1)
    .prepare("claim_webhook_event")
    .execute();
  return row;
}

/** Records the outcome of one processing attempt. */
export async function settleWebhookEvent(id: number, values: { status: WebhookEventStatus; orgId?: number | null; error?: string | null }, tx: Tx = getDb()) {
  await tx
    .update(webhookEvents)
    .set({
      status: values.status,
      orgId: values.orgId ?? null,
      error: values.error ?? null,
      attempts: sql`${webhookEvents.attempts} + 1`,
      processedAt: values.status === "FAILED" ? null : new Date(),
    })
    .where(eq(webhookEvents.id, id))
    .prepare("settle_webhook_event")
    .execute();
}

export type ClaimedWebhookEvent = { id: number; payload: unknown; attempts: number };

/**
 * Takes up to `limit` PENDING events, oldest first, for the caller's transaction: their rows stay locked until it
 * ends, so concurrent drainers skip them, and a drainer that dies releases them still PENDING. The caller settles
 * them (settleWebhookEvents) in the same transaction.
 */
export async function claimPendingWebhookEvents(tx: Tx, limit: number): Promise<ClaimedWebhookEvent[]> {
  return tx
    .select({ id: webhookEvents.id, payload: webhookEvents.payload, attempts: webhookEvents.attempts })
    .from(webhookEvents)
    .where(eq(webhookEvents.status, "PENDING"))
    .orderBy(webhookEvents.receivedAt)
    .limit(limit)
    .for("update", { skipLocked: true })
    .prepare("claim_pending_webhook_events")
    .execute();
}

export type WebhookEventSettlement = { id: number; status: WebhookEventStatus; orgId: number | null; error: string | null };

/** settleWebhookEvent for many events in one statement. */
export async function settleWebhookEvents(tx: Tx, list: WebhookEventSettlement[]) {
  if (!list.length) return;
  const col = <K extends keyof WebhookEventSettlement>(k: K) => sql.param(list.map((s) => s[k]));
  await tx.execute(sql`
    update ${webhookEvents} e set
      status = v.status::webhook_event_status,
      org_id = v.org_id,
      error = v.error,
      attempts = e.attempts + 1,
      processed_at = case when v.status = 'FAILED' then null else now() end
    from unnest(${col("id")}::bigint[], ${col("status")}::text[], ${col("orgId")}::bigint[], ${col("error")}::text[])
      as v(id, status, org_id, error)
    where e.id = v.id`);
}

export async function findWebhookEvent(id: number, tx: Tx = getDb()) {
  const [row] = await tx.select().from(webhookEvents).where(eq(webhookEvents.id, id)).limit(1);
  return row;
}

// Writes the webhook makes on behalf of Meta to rows of other domains. They are routed by Meta's ids, not by a tenant
// of a request: the WABA id names the accounts (and through them the organizations) an event is for.

/** The live numbers of a WhatsApp Business Account (normally all in one organization). */
export async function findAccountsByWabaId(wabaId: string, tx: Tx = getDb()) {
  return tx
    .select()
    .from(whatsappAccounts)
    .where(and(eq(whatsappAccounts.wabaId, wabaId), isNull(whatsappAccounts.deletedAt)));
}

export type TemplateRow = typeof templates.$inferSelect;

/**
 * Applies Meta's verdict on a template of these orgs, found by Meta's id or else by name and language. Only rows that
 * actually change are returned, so a repeated webhook raises nothing twice.
 */
export async function updateTemplateFromMeta(
  orgIds: number[],
  match: { metaTemplateId: string; name: string; language: string },
  values: { status?: TemplateRow["status"]; rejectedReason?: string | null; qualityScore?: string },
  tx: Tx = getDb(),
): Promise<TemplateRow[]> {
  if (!orgIds.length) return [];
  const changes = [
    values.status !== undefined && sql`${templates.status} is distinct from ${values.status}::template_status`,
    values.rejectedReason !== undefined && sql`${templates.rejectedReason} is distinct from ${values.rejectedReason}`,
    values.qualityScore !== undefined && sql`${templates.qualityScore} is distinct from ${values.qualityScore}`,
  ].filter((c) => c !== false);
  if (!changes.length) return [];
  return tx
    .update(templates)
    .set({ ...values, metaTemplateId: sql`coalesce(${templates.metaTemplateId}, ${match.metaTemplateId})` })
    .where(
      and(
        inArray(templates.orgId, orgIds),
        isNull(templates.deletedAt),
        or(
          eq(templates.metaTemplateId, match.metaTemplateId),
          and(isNull(templates.metaTemplateId), eq(templates.name, match.name), eq(templates.language, match.language)),
        ),
        or(...changes),
      ),
    )
    .returning();
}
