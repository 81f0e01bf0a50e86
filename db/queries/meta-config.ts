import { eq } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { metaAppConfigs } from "@/db/schema";

export type MetaConfigRow = typeof metaAppConfigs.$inferSelect;

export async function findMetaConfig(orgId: number, tx: Tx = getDb()) {
  const [row] = await tx.select().from(metaAppConfigs).where(eq(metaAppConfigs.orgId, orgId)).limit(1);
  return row;
}

export async function upsertMetaConfig(orgId: number, values: { appId: string; configId: string }, tx: Tx = getDb()) {
  const [row] = await tx
    .insert(metaAppConfigs)
    .values({ orgId, ...values })
    .onConflictDoUpdate({ target: metaAppConfigs.orgId, set: { ...values, updatedAt: new Date() } })
    .returning();
  return row;
}
