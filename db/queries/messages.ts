import { and, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { messages, pendingStatuses, type MessageMedia } from "@/db/schema";

export type MessageRow = typeof messages.$inferSelect;
export type MessageInsert = typeof messages.$inferInsert;

/** The wamids among `wamids` this number already stored. */
export async function existingProviderIds(accountId: number, wamids: string[], tx: Tx = getDb()): Promise<Set<string>> {
  if (!wamids.length) return new Set();
  const rows = await tx
    .select({ wamid: messages.providerMessageId })
    .from(messages)
    .where(and(eq(messages.whatsappAccountId, accountId), sql`${messages.providerMessageId} = any(${sql.param(wamids)}::text[])`))
    .prepare("existing_provider_ids")
    .execute();
  return new Set(rows.map((r) => r.wamid!));
}

export async function findMessage(orgId: number, id: number, tx: Tx = getDb()) {
  const [row] = await tx
    .select()
    .from(messages)
    .where(and(eq(messages.orgId, orgId), eq(messages.id, id)))
    .limit(1);
  return row;
}

/** For jobs, which run outside any tenant: the row carries its own orgId. */
export async function findMessageById(id: number, tx: Tx = getDb()) {
  const [row] = await tx.select().from(messages).where(eq(messages.id, id)).limit(1);
  return row;
}

/** Merges fields into the media object (null removes a key). */
export async function patchMessageMedia(id: number, patch: Partial<Record<keyof MessageMedia, unknown>>, tx: Tx = getDb()) {
  const nulls = Object.keys(patch).filter((k) => patch[k as keyof MessageMedia] === null);
  const set = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== null && v !== undefined));
  const [row] = await tx
    .update(messages)
    .set({ media: sql`(coalesce(${messages.media}, '{}'::jsonb) || ${JSON.stringify(set)}::jsonb) - ${`{${nulls.join(",")}}`}::text[]` })
    .where(eq(messages.id, id))
    .returning();
  return row;
}

// ---------------------------------------------------------------------------------------------------------------
// Delivery statuses: forward only. PENDING < SENT < DELIVERED < READ; FAILED beats anything below READ and is final.

export type DeliveryStatus = "SENT" | "DELIVERED" | "READ" | "FAILED";
export type StatusUpdate = {
  status: DeliveryStatus;
  at: Date;
  error?: { code: number; title: string; details?: string | null; permanent: boolean };
  pricing?: Record<string, unknown>;
};
export type AppliedStatus = { id: number; orgId: number; conversationId: number; status: MessageRow["status"] };

const ORDER: DeliveryStatus[] = ["SENT", "DELIVERED", "READ", "FAILED"];
const BELOW: Record<DeliveryStatus, MessageRow["status"][]> = {
  SENT: ["PENDING"],
  DELIVERED: ["PENDING", "SENT"],
  READ: ["PENDING", "SENT", "DELIVERED"],
  FAILED: ["PENDING", "SENT", "DELIVERED"],
};
const STAMP = { SENT: "sentAt", DELIVERED: "deliveredAt", READ: "readAt", FAILED: "failedAt" } as const;

/**
 * One UPDATE that only matches when it changes something: the status moves up, or (for sent/delivered/read) the
 * moment of this status is still unknown — a "delivered" arriving after "read" fills deliveredAt and leaves READ.
 * Duplicates match nothing. undefined: no change (or no such message).
 */
export async function updateMessageStatus(tx: Tx, accountId: number, wamid: string, u: StatusUpdate): Promise<AppliedStatus | undefined> {
  const advances = inArray(messages.status, BELOW[u.status]);
  const stamp = messages[STAMP[u.status]];
  const at = u.at.toISOString();
  const [row] = await tx
    .update(messages)
    .set({
      status: sql`case when ${advances} then ${u.status}::message_status else ${messages.status} end`,
      [STAMP[u.status]]: sql`coalesce(${stamp}, ${at}::timestamptz)`,
      ...(u.error
        ? { errorCode: u.error.code, errorTitle: u.error.title, errorDetails: u.error.details ?? null, permanentFailure: u.error.permanent }
        : {}),
      ...(u.pricing ? { pricing: sql`coalesce(${messages.pricing}, '{}'::jsonb) || ${JSON.stringify(u.pricing)}::jsonb` } : {}),
    })
    .where(
      and(
        eq(messages.whatsappAccountId, accountId),
        eq(messages.providerMessageId, wamid),
        eq(messages.direction, "OUTBOUND"),
        u.status === "FAILED" ? advances : or(advances, isNull(stamp)),
      ),
    )
    .returning({ id: messages.id, orgId: messages.orgId, conversationId: messages.conversationId, status: messages.status })
    .prepare("update_message_status")
    .execute();
  return row;
}

/** Statuses of one wamid are applied one at a time, so a status and the send that records the wamid cannot miss each other. */
async function lockWamid(tx: Tx, accountId: number, wamid: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`wamid:${accountId}:${wamid}`}, 0))`);
}

/**
 * Applies a status, or keeps it in pending_statuses when no message has this wamid yet (Meta's callback can beat the
 * commit of our own send). The common case is a single UPDATE; only a miss takes the lock and looks closer.
 */
export async function applyStatusOrKeep(accountId: number, wamid: string, u: StatusUpdate): Promise<{ applied?: AppliedStatus; pending: boolean }> {
  const applied = await updateMessageStatus(getDb(), accountId, wamid, u);
  if (applied) return { applied, pending: false };
  return getDb().transaction(async (tx) => {
    await lockWamid(tx, accountId, wamid);
    const again = await updateMessageStatus(tx, accountId, wamid, u);
    if (again) return { applied: again, pending: false };
    const [known] = await tx
      .select({ id: messages.id })
      .from(messages)
      .where(and(eq(messages.whatsappAccountId, accountId), eq(messages.providerMessageId, wamid)))
      .limit(1);
    if (known) return { pending: false };
    await tx.insert(pendingStatuses).values({ whatsappAccountId: accountId, providerMessageId: wamid, status: u.status, payload: u });
    return { pending: true };
  });
}

type StoredUpdate = Omit<StatusUpdate, "at"> & { at: string };

/**
 * Call right after a send records its wamid (in the same transaction, or after it committed): applies the statuses
 * that arrived first, lowest rank first, and deletes them. Returns what changed so the caller can emit message.updated.
 */
export async function applyPendingStatuses(tx: Tx, accountId: number, wamid: string): Promise<AppliedStatus | undefined> {
  await lockWamid(tx, accountId, wamid);
  const rows = await tx
    .delete(pendingStatuses)
    .where(and(eq(pendingStatuses.whatsappAccountId, accountId), eq(pendingStatuses.providerMessageId, wamid)))
    .returning();
  let last: AppliedStatus | undefined;
  const updates = rows
    .map((r) => r.payload as StoredUpdate)
    .sort((a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status) || a.at.localeCompare(b.at));
  for (const u of updates) last = (await updateMessageStatus(tx, accountId, wamid, { ...u, at: new Date(u.at) })) ?? last;
  return last;
}

/**
 * Statuses whose message never got recorded here (sent by another tool on the same number, or a send that failed
 * before Meta's callback could match it) would otherwise pile up forever. Returns how many were deleted.
 */
export async function purgePendingStatuses(olderThan: Date, tx: Tx = getDb()): Promise<number> {
  const rows = await tx.delete(pendingStatuses).where(lt(pendingStatuses.receivedAt, olderThan)).returning({ id: pendingStatuses.id });
  return rows.length;
}
