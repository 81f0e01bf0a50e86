import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { botConfigs, botTools } from "@/db/schema";

export type BotToolRow = typeof botTools.$inferSelect;
export type BotToolValues = Omit<typeof botTools.$inferInsert, "id" | "orgId" | "createdAt" | "updatedAt">;

export async function listTools(orgId: number, opts: { agentsOnly?: boolean } = {}, tx: Tx = getDb()): Promise<BotToolRow[]> {
  const where = opts.agentsOnly
    ? and(eq(botTools.orgId, orgId), eq(botTools.isActive, true), eq(botTools.availableToAgents, true))
    : eq(botTools.orgId, orgId);
  return tx.select().from(botTools).where(where).orderBy(asc(sql`lower(${botTools.name})`), asc(botTools.id));
}

export async function findTool(orgId: number, id: number, tx: Tx = getDb()): Promise<BotToolRow | undefined> {
  const [row] = await tx
    .select()
    .from(botTools)
    .where(and(eq(botTools.orgId, orgId), eq(botTools.id, id)))
    .limit(1);
  return row;
}

/** Active tools of the org among `ids` (ids of other orgs or unknown ids are simply absent). */
export async function findActiveTools(orgId: number, ids: number[], tx: Tx = getDb()): Promise<BotToolRow[]> {
  if (!ids.length) return [];
  return tx
    .select()
    .from(botTools)
    .where(and(eq(botTools.orgId, orgId), eq(botTools.isActive, true), inArray(botTools.id, ids)))
    .orderBy(asc(botTools.id));
}

export async function insertTool(orgId: number, values: BotToolValues, tx: Tx = getDb()): Promise<BotToolRow> {
  const [row] = await tx
    .insert(botTools)
    .values({ ...values, orgId })
    .returning();
  return row;
}

export async function updateTool(orgId: number, id: number, values: Partial<BotToolValues>, tx: Tx = getDb()): Promise<BotToolRow | undefined> {
  const [row] = await tx
    .update(botTools)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(botTools.orgId, orgId), eq(botTools.id, id)))
    .returning();
  return row;
}

/**
 * Deletes the tool (its name, or undefined when the org has no such tool) and drops its id from every config's settings.toolIds (intents lose it through the FK). The ids
 * are stored as numbers or digit strings depending on who wrote them, so both are removed.
 */
export async function deleteTool(orgId: number, id: number, tx: Tx): Promise<{ name: string } | undefined> {
  await tx
    .update(botConfigs)
    .set({
      settings: sql`jsonb_set(${botConfigs.settings}, '{toolIds}', coalesce((
        select jsonb_agg(e) from jsonb_array_elements(${botConfigs.settings}->'toolIds') e
        where e #>> '{}' <> ${String(id)}
      ), '[]'::jsonb))`,
    })
    .where(and(eq(botConfigs.orgId, orgId), sql`${botConfigs.settings} ? 'toolIds'`, sql`jsonb_typeof(${botConfigs.settings}->'toolIds') = 'array'`));
  const [row] = await tx
    .delete(botTools)
    .where(and(eq(botTools.orgId, orgId), eq(botTools.id, id)))
    .returning({ name: botTools.name });
  return row;
}
