import { and, asc, eq, ilike, inArray, notInArray, or, sql, type SQL } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { quickReplies } from "@/db/schema";
import { likeContains } from "./users";

export type QuickReplyRow = typeof quickReplies.$inferSelect;
export type QuickReplyFilter = { search?: string; category?: string; isActive?: boolean };

export async function listQuickReplies(orgId: number, f: QuickReplyFilter, tx: Tx = getDb()) {
  const where: (SQL | undefined)[] = [eq(quickReplies.orgId, orgId)];
  if (f.isActive !== undefined) where.push(eq(quickReplies.isActive, f.isActive));
  if (f.category) where.push(sql`lower(${quickReplies.category}) = lower(${f.category})`);
  if (f.search) {
    const term = likeContains(f.search);
    where.push(or(ilike(quickReplies.shortcut, term), ilike(quickReplies.title, term), ilike(quickReplies.body, term)));
  }
  return tx
    .select()
    .from(quickReplies)
    .where(and(...where))
    .orderBy(asc(quickReplies.shortcut), asc(quickReplies.id));
}

export async function findQuickReply(orgId: number, id: number, tx: Tx = getDb(), lock = false) {
  const q = tx
    .select()
    .from(quickReplies)
    .where(and(eq(quickReplies.orgId, orgId), eq(quickReplies.id, id)))
    .limit(1);
  const [row] = lock ? await q.for("update") : await q;
  return row;
}

export async function insertQuickReply(values: typeof quickReplies.$inferInsert, tx: Tx = getDb()) {
  const [row] = await tx.insert(quickReplies).values(values).returning();
  return row;
}

export async function updateQuickReply(orgId: number, id: number, values: Partial<typeof quickReplies.$inferInsert>, tx: Tx = getDb()) {
  const [row] = await tx
    .update(quickReplies)
    .set(values)
    .where(and(eq(quickReplies.orgId, orgId), eq(quickReplies.id, id)))
    .returning();
  return row;
}

export type QuickReplySelection = { ids: number[] } | { excludeIds: number[] };

const selectionWhere = (orgId: number, s: QuickReplySelection) =>
  and(
    eq(quickReplies.orgId, orgId),
    "ids" in s ? inArray(quickReplies.id, s.ids) : s.excludeIds.length ? notInArray(quickReplies.id, s.excludeIds) : undefined,
  );

/** The selected rows of the org, locked until the transaction ends. */
export async function lockQuickReplies(orgId: number, s: QuickReplySelection, tx: Tx) {
  return tx.select().from(quickReplies).where(selectionWhere(orgId, s)).for("update");
}

export async function setQuickRepliesActive(orgId: number, ids: number[], isActive: boolean, tx: Tx) {
  if (ids.length === 0) return [];
  return tx
    .update(quickReplies)
    .set({ isActive })
    .where(and(eq(quickReplies.orgId, orgId), inArray(quickReplies.id, ids), sql`${quickReplies.isActive} <> ${isActive}`))
    .returning({ id: quickReplies.id });
}

export async function deleteQuickReplies(orgId: number, ids: number[], tx: Tx) {
  if (ids.length === 0) return [];
  return tx
    .delete(quickReplies)
    .where(and(eq(quickReplies.orgId, orgId), inArray(quickReplies.id, ids)))
    .returning();
}
