import { and, count, desc, eq } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { apiKeys, users } from "@/db/schema";

export type ApiKeyRow = typeof apiKeys.$inferSelect;
export type ApiKeyWithCreator = { key: ApiKeyRow; creator: { id: number; name: string } | null };

function selectWithCreator(tx: Tx) {
  return tx
    .select({ key: apiKeys, creator: { id: users.id, name: users.name } })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdById));
}

export async function listApiKeys(orgId: number, page: { limit: number; offset: number }) {
  const where = eq(apiKeys.orgId, orgId);
  const [rows, [{ total }]] = await Promise.all([
    selectWithCreator(getDb()).where(where).orderBy(desc(apiKeys.createdAt), desc(apiKeys.id)).limit(page.limit).offset(page.offset),
    getDb().select({ total: count() }).from(apiKeys).where(where),
  ]);
  return { rows, total };
}

export async function findApiKey(orgId: number, id: number, tx: Tx = getDb()): Promise<ApiKeyWithCreator | undefined> {
  const [row] = await selectWithCreator(tx)
    .where(and(eq(apiKeys.orgId, orgId), eq(apiKeys.id, id)))
    .limit(1);
  return row;
}

export async function insertApiKey(values: typeof apiKeys.$inferInsert, tx: Tx = getDb()) {
  const [row] = await tx.insert(apiKeys).values(values).returning();
  return row;
}

export async function updateApiKey(orgId: number, id: number, values: { name?: string; enabled?: boolean }, tx: Tx = getDb()) {
  const [row] = await tx
    .update(apiKeys)
    .set(values)
    .where(and(eq(apiKeys.orgId, orgId), eq(apiKeys.id, id)))
    .returning();
  return row;
}

export async function deleteApiKey(orgId: number, id: number, tx: Tx = getDb()) {
  const [row] = await tx
    .delete(apiKeys)
    .where(and(eq(apiKeys.orgId, orgId), eq(apiKeys.id, id)))
    .returning({ id: apiKeys.id, name: apiKeys.name });
  return row;
}
