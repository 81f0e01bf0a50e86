import { and, asc, eq, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { connections } from "@/db/schema";

export type ConnectionRow = typeof connections.$inferSelect;
export type ConnectionValues = Omit<typeof connections.$inferInsert, "id" | "orgId" | "createdAt" | "updatedAt">;

export async function listConnections(orgId: number, tx: Tx = getDb()): Promise<ConnectionRow[]> {
  return tx
    .select()
    .from(connections)
    .where(eq(connections.orgId, orgId))
    .orderBy(asc(sql`lower(${connections.name})`), asc(connections.id));
}

export async function findConnection(orgId: number, id: number, tx: Tx = getDb()): Promise<ConnectionRow | undefined> {
  const [row] = await tx
    .select()
    .from(connections)
    .where(and(eq(connections.orgId, orgId), eq(connections.id, id)))
    .limit(1);
  return row;
}

export async function insertConnection(orgId: number, values: ConnectionValues, tx: Tx = getDb()): Promise<ConnectionRow> {
  const [row] = await tx
    .insert(connections)
    .values({ ...values, orgId })
    .returning();
  return row;
}

export async function updateConnection(orgId: number, id: number, values: Partial<ConnectionValues>, tx: Tx = getDb()): Promise<ConnectionRow | undefined> {
  const [row] = await tx
    .update(connections)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(connections.orgId, orgId), eq(connections.id, id)))
    .returning();
  return row;
}

/**
 * The deleted connection's name (undefined when the org has none with that id). Tools that used it keep existing
 * without a connection (FK set null).
 */
export async function deleteConnection(orgId: number, id: number, tx: Tx = getDb()): Promise<{ name: string } | undefined> {
  const [row] = await tx
    .delete(connections)
    .where(and(eq(connections.orgId, orgId), eq(connections.id, id)))
    .returning({ name: connections.name });
  return row;
}
