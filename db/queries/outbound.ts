import { and, asc, count, desc, eq, ilike, inArray, isNotNull, isNull, notInArray, or, sql, type SQL } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { contacts, conversations, messages, templates, users } from "@/db/schema";
import { likeContains } from "./users";

/**
 * Queries of the outbound path: sending, delivery, failed-message management. Lookups made for a caller go through
 * the org; the worker's go by message id (a job carries no tenant, the row says whose it is).
 */

export type MessageRow = typeof messages.$inferSelect;
export type ConversationRow = typeof conversations.$inferSelect;
export type ContactRow = typeof contacts.$inferSelect;
export type TemplateRow = typeof templates.$inferSelect;

/** The conversation and its customer; `lock` holds the conversation row until the transaction ends. */
export async function findConversationWithContact(orgId: number, conversationId: number, tx: Tx = getDb(), lock = false) {
  const q = tx
    .select({ conversation: conversations, contact: contacts })
    .from(conversations)
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .where(and(eq(conversations.orgId, orgId), eq(conversations.id, conversationId)))
    .limit(1);
  const [row] = await (lock ? q.for("update", { of: conversations }) : q);
  return row;
}

export async function insertMessage(values: typeof messages.$inferInsert, tx: Tx = getDb()) {
  const [row] = await tx.insert(messages).values(values).returning();
  return row;
}

/**
 * The worker's view of a message: no org in hand (the job names only the message), so the row itself says which
 * org, conversation and customer it belongs to.
 */
export async function findMessageForDelivery(messageId: number, tx: Tx = getDb()) {
  const [row] = await tx
    .select({ message: messages, conversation: conversations, contact: contacts })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .where(eq(messages.id, messageId))
    .limit(1);
  return row;
}

/** Meta accepted the message: the first writer wins, so a duplicate job run cannot overwrite a later status. */
export async function markAccepted(messageId: number, accountId: number, wamid: string, at: Date, tx: Tx) {
  const [row] = await tx
    .update(messages)
    .set({ whatsappAccountId: accountId, providerMessageId: wamid, status: "SENT", sentAt: at, errorCode: null, errorTitle: null, errorDetails: null })
    .where(and(eq(messages.id, messageId), eq(messages.status, "PENDING"), isNull(messages.providerMessageId)))
    .returning();
  return row;
}

/** Changes a message that is still waiting for its send (a delivery outcome never overwrites a later state). */
export async function updatePending(messageId: number, values: Partial<typeof messages.$inferInsert>, tx: Tx = getDb()) {
  const [row] = await tx
    .update(messages)
    .set(values)
    .where(and(eq(messages.id, messageId), eq(messages.status, "PENDING")))
    .returning();
  return row;
}

export async function latestInboundWithWamid(orgId: number, conversationId: number, tx: Tx = getDb()) {
  const [row] = await tx
    .select()
    .from(messages)
    .where(
      and(eq(messages.orgId, orgId), eq(messages.conversationId, conversationId), eq(messages.direction, "INBOUND"), isNotNull(messages.providerMessageId)),
    )
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(1);
  return row;
}

/** Live templates of this name, APPROVED first, then the preferred language. */
export async function findTemplatesByName(orgId: number, name: string, language?: string, tx: Tx = getDb()) {
  const where = [eq(templates.orgId, orgId), eq(templates.name, name), isNull(templates.deletedAt)];
  if (language) where.push(eq(templates.language, language));
  return tx
    .select()
    .from(templates)
    .where(and(...where))
    .orderBy(sql`${templates.status} = 'APPROVED' desc`, asc(templates.id));
}

export async function findTemplatesById(orgId: number, id: number, tx: Tx = getDb()) {
  return tx
    .select()
    .from(templates)
    .where(and(eq(templates.orgId, orgId), eq(templates.id, id), isNull(templates.deletedAt)));
}

export async function findContactByWaIds(orgId: number, waIds: string[], tx: Tx = getDb()) {
  const [row] = await tx
    .select()
    .from(contacts)
    .where(and(eq(contacts.orgId, orgId), inArray(contacts.waId, waIds)))
    .orderBy(asc(contacts.id))
    .limit(1);
  return row;
}

/** Gives a contact the name we know it by, unless someone already named it. */
export async function nameContactIfUnnamed(orgId: number, contactId: number, name: string, tx: Tx = getDb()) {
  const [row] = await tx
    .update(contacts)
    .set({ name })
    .where(and(eq(contacts.orgId, orgId), eq(contacts.id, contactId), isNull(contacts.name)))
    .returning();
  return row;
}

/** Sender names and quoted messages for a page of messages, in two queries. */
export async function userNames(userIds: number[], tx: Tx = getDb()) {
  if (!userIds.length) return new Map<number, string>();
  const rows = await tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, userIds));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function messagesByWamid(orgId: number, conversationIds: number[], wamids: string[], tx: Tx = getDb()) {
  if (!wamids.length) return [];
  return tx
    .select({ id: messages.id, conversationId: messages.conversationId, providerMessageId: messages.providerMessageId, body: messages.body, type: messages.type })
    .from(messages)
    .where(and(eq(messages.orgId, orgId), inArray(messages.conversationId, conversationIds), inArray(messages.providerMessageId, wamids)));
}

// ---- failed messages -------------------------------------------------------------------------------------------

export type FailedFilter = { status?: "FAILED" | "DISCARDED" | "all"; permanent?: boolean; templateName?: string; search?: string; excludeIds?: number[] };

const failedRow = { message: messages, conversation: { id: conversations.id, displayId: conversations.displayId, status: conversations.status, lastCustomerMessageAt: conversations.lastCustomerMessageAt }, contact: { id: contacts.id, waId: contacts.waId, name: contacts.name, profileName: contacts.profileName } };

function failedWhere(orgId: number, f: FailedFilter): SQL {
  const where: (SQL | undefined)[] = [eq(messages.orgId, orgId), eq(messages.direction, "OUTBOUND")];
  const failed = and(eq(messages.status, "FAILED"), isNull(messages.discardedAt));
  if (f.status === "DISCARDED") where.push(isNotNull(messages.discardedAt));
  else if (f.status === "all") where.push(or(failed, isNotNull(messages.discardedAt)));
  else where.push(failed);
  if (f.permanent !== undefined) where.push(eq(messages.permanentFailure, f.permanent));
  if (f.templateName) where.push(eq(messages.templateName, f.templateName));
  if (f.excludeIds?.length) where.push(notInArray(messages.id, f.excludeIds));
  if (f.search) {
    const term = likeContains(f.search);
    where.push(or(ilike(messages.body, term), ilike(messages.errorTitle, term), ilike(contacts.name, term), ilike(contacts.profileName, term), ilike(contacts.waId, term)));
  }
  return and(...where)!;
}

const failedFrom = (tx: Tx) =>
  tx
    .select(failedRow)
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .innerJoin(contacts, eq(contacts.id, conversations.contactId));

export type FailedRow = Awaited<ReturnType<typeof findFailedByIds>>[number];

export async function listFailed(orgId: number, f: FailedFilter & { limit: number; offset: number }) {
  const where = failedWhere(orgId, f);
  const [rows, [{ total }]] = await Promise.all([
    failedFrom(getDb())
      .where(where)
      .orderBy(desc(messages.failedAt), desc(messages.id))
      .limit(f.limit)
      .offset(f.offset),
    getDb()
      .select({ total: count() })
      .from(messages)
      .innerJoin(conversations, eq(conversations.id, messages.conversationId))
      .innerJoin(contacts, eq(contacts.id, conversations.contactId))
      .where(where),
  ]);
  return { rows, total };
}

/** The failed messages a bulk selection names ("all" is capped: bulk work runs inside one request). */
export async function findFailedMatching(orgId: number, f: FailedFilter, cap: number, tx: Tx = getDb()) {
  return failedFrom(tx).where(failedWhere(orgId, f)).orderBy(asc(messages.id)).limit(cap);
}

export async function findFailedByIds(orgId: number, ids: number[], tx: Tx = getDb()) {
  if (!ids.length) return [];
  return failedFrom(tx).where(and(eq(messages.orgId, orgId), eq(messages.direction, "OUTBOUND"), inArray(messages.id, ids)));
}

export async function failedStats(orgId: number) {
  const live = and(eq(messages.orgId, orgId), eq(messages.direction, "OUTBOUND"), eq(messages.status, "FAILED"), isNull(messages.discardedAt));
  const since = (ms: number) => new Date(Date.now() - ms).toISOString();
  const [[totals], byError, [discarded]] = await Promise.all([
    getDb()
      .select({
        total: count(),
        permanent: count(sql`case when ${messages.permanentFailure} then 1 end`),
        last24h: count(sql`case when ${messages.failedAt} >= ${since(86_400_000)}::timestamptz then 1 end`),
        last7d: count(sql`case when ${messages.failedAt} >= ${since(7 * 86_400_000)}::timestamptz then 1 end`),
      })
      .from(messages)
      .where(live),
    getDb()
      .select({
        code: messages.errorCode,
        title: messages.errorTitle,
        count: count(),
        permanent: count(sql`case when ${messages.permanentFailure} then 1 end`),
      })
      .from(messages)
      .where(live)
      .groupBy(messages.errorCode, messages.errorTitle)
      .orderBy(desc(count()))
      .limit(20),
    getDb()
      .select({ n: count() })
      .from(messages)
      .where(and(eq(messages.orgId, orgId), eq(messages.direction, "OUTBOUND"), isNotNull(messages.discardedAt))),
  ]);
  return { ...totals, retryable: totals.total - totals.permanent, discarded: discarded.n, byError };
}

/** Moves FAILED, not discarded messages back to PENDING for another attempt; returns the rows it changed. */
export async function requeueFailed(orgId: number, ids: number[], tx: Tx = getDb()) {
  if (!ids.length) return [];
  return tx
    .update(messages)
    .set({ status: "PENDING", failedAt: null, errorCode: null, errorTitle: null, errorDetails: null, permanentFailure: false, retryCount: 0 })
    .where(and(eq(messages.orgId, orgId), inArray(messages.id, ids), eq(messages.status, "FAILED"), isNull(messages.discardedAt)))
    .returning();
}

export async function discardFailed(orgId: number, ids: number[], at: Date, tx: Tx = getDb()) {
  if (!ids.length) return [];
  return tx
    .update(messages)
    .set({ discardedAt: at })
    .where(and(eq(messages.orgId, orgId), inArray(messages.id, ids), eq(messages.status, "FAILED"), isNull(messages.discardedAt)))
    .returning();
}
