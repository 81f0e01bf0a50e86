import { and, asc, count, desc, eq, inArray, max, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { botConfigs, botIntents, botMedia, botPresets, botPromptVersions, botTools, teams, users } from "@/db/schema";
import type { BotConfigRow, BotPresetRow } from "./bot-settings";

export type { BotConfigRow, BotPresetRow };
export type BotIntentRow = typeof botIntents.$inferSelect;
export type BotPromptVersionRow = typeof botPromptVersions.$inferSelect;
export type BotConfigInsert = typeof botConfigs.$inferInsert;
export type BotIntentInsert = typeof botIntents.$inferInsert;
export type BotPresetInsert = typeof botPresets.$inferInsert;

const configOf = (orgId: number, id: number) => and(eq(botConfigs.orgId, orgId), eq(botConfigs.id, id));

// ---- configs ----

export async function findConfig(orgId: number, id: number, tx: Tx = getDb()): Promise<BotConfigRow | undefined> {
  const [row] = await tx.select().from(botConfigs).where(configOf(orgId, id));
  return row;
}

/** The config the builder shows when none is named: the active one, else the draft touched last. */
export async function findCurrentConfig(orgId: number, tx: Tx = getDb()): Promise<BotConfigRow | undefined> {
  const [row] = await tx
    .select()
    .from(botConfigs)
    .where(eq(botConfigs.orgId, orgId))
    .orderBy(desc(botConfigs.isActive), desc(botConfigs.updatedAt), desc(botConfigs.id))
    .limit(1);
  return row;
}

/** Active first, then drafts by last change. */
export async function listConfigs(orgId: number, tx: Tx = getDb()): Promise<BotConfigRow[]> {
  return tx
    .select()
    .from(botConfigs)
    .where(eq(botConfigs.orgId, orgId))
    .orderBy(desc(botConfigs.isActive), desc(botConfigs.updatedAt), desc(botConfigs.id));
}

export async function countConfigs(orgId: number, tx: Tx = getDb()): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(botConfigs).where(eq(botConfigs.orgId, orgId));
  return row.n;
}

export async function insertConfig(values: BotConfigInsert, tx: Tx = getDb()): Promise<BotConfigRow> {
  const [row] = await tx.insert(botConfigs).values(values).returning();
  return row;
}

export async function updateConfig(orgId: number, id: number, values: Partial<BotConfigInsert>, tx: Tx = getDb()): Promise<BotConfigRow | undefined> {
  const [row] = await tx
    .update(botConfigs)
    .set({ ...values, updatedAt: new Date() })
    .where(configOf(orgId, id))
    .returning();
  return row;
}

export async function deleteConfig(orgId: number, id: number, tx: Tx = getDb()) {
  const [row] = await tx.delete(botConfigs).where(configOf(orgId, id)).returning({ id: botConfigs.id });
  return row;
}

/** Clears the org's active flag so another config can take it (the partial unique index allows one). */
export async function deactivateConfigs(orgId: number, tx: Tx) {
  return tx
    .update(botConfigs)
    .set({ isActive: false, updatedAt: new Date() })
    .where(and(eq(botConfigs.orgId, orgId), eq(botConfigs.isActive, true)))
    .returning({ id: botConfigs.id });
}

export async function intentCounts(orgId: number, configIds: number[], tx: Tx = getDb()): Promise<Map<number, number>> {
  if (!configIds.length) return new Map();
  const rows = await tx
    .select({ configId: botIntents.configId, n: count() })
    .from(botIntents)
    .where(and(eq(botIntents.orgId, orgId), inArray(botIntents.configId, configIds)))
    .groupBy(botIntents.configId);
  return new Map(rows.map((r) => [r.configId, r.n]));
}

// ---- prompt versions ----

/** Newest first, with the author's name. */
export async function listPromptVersions(orgId: number, configId: number, tx: Tx = getDb()) {
  return tx
    .select({ version: botPromptVersions, authorName: users.name })
    .from(botPromptVersions)
    .leftJoin(users, eq(users.id, botPromptVersions.createdById))
    .where(and(eq(botPromptVersions.orgId, orgId), eq(botPromptVersions.configId, configId)))
    .orderBy(desc(botPromptVersions.version));
}

export async function findPromptVersion(orgId: number, id: number, tx: Tx = getDb()): Promise<BotPromptVersionRow | undefined> {
  const [row] = await tx
    .select()
    .from(botPromptVersions)
    .where(and(eq(botPromptVersions.orgId, orgId), eq(botPromptVersions.id, id)));
  return row;
}

export async function lastPromptVersion(configId: number, tx: Tx = getDb()): Promise<number> {
  const [row] = await tx.select({ v: max(botPromptVersions.version) }).from(botPromptVersions).where(eq(botPromptVersions.configId, configId));
  return row?.v ?? 0;
}

export async function insertPromptVersion(values: typeof botPromptVersions.$inferInsert, tx: Tx = getDb()) {
  const [row] = await tx.insert(botPromptVersions).values(values).returning();
  return row;
}

// ---- presets ----

export async function listPresets(orgId: number, tx: Tx = getDb()): Promise<BotPresetRow[]> {
  return tx
    .select()
    .from(botPresets)
    .where(eq(botPresets.orgId, orgId))
    .orderBy(asc(sql`lower(${botPresets.name})`), asc(botPresets.id));
}

export async function insertPreset(values: BotPresetInsert, tx: Tx = getDb()): Promise<BotPresetRow> {
  const [row] = await tx.insert(botPresets).values(values).returning();
  return row;
}

export async function updatePreset(orgId: number, id: number, values: Partial<BotPresetInsert>, tx: Tx = getDb()): Promise<BotPresetRow | undefined> {
  const [row] = await tx
    .update(botPresets)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(botPresets.orgId, orgId), eq(botPresets.id, id)))
    .returning();
  return row;
}

export async function deletePreset(orgId: number, id: number, tx: Tx = getDb()) {
  const [row] = await tx
    .delete(botPresets)
    .where(and(eq(botPresets.orgId, orgId), eq(botPresets.id, id)))
    .returning({ id: botPresets.id });
  return row;
}

// ---- intents ----

export async function listIntents(orgId: number, configId: number, tx: Tx = getDb()): Promise<BotIntentRow[]> {
  return tx
    .select()
    .from(botIntents)
    .where(and(eq(botIntents.orgId, orgId), eq(botIntents.configId, configId)))
    .orderBy(asc(botIntents.position), asc(botIntents.id));
}

export async function findIntent(orgId: number, id: number, tx: Tx = getDb()): Promise<BotIntentRow | undefined> {
  const [row] = await tx
    .select()
    .from(botIntents)
    .where(and(eq(botIntents.orgId, orgId), eq(botIntents.id, id)));
  return row;
}

export async function insertIntents(values: BotIntentInsert[], tx: Tx = getDb()): Promise<BotIntentRow[]> {
  if (!values.length) return [];
  return tx.insert(botIntents).values(values).returning();
}

export async function updateIntent(orgId: number, id: number, values: Partial<BotIntentInsert>, tx: Tx = getDb()): Promise<BotIntentRow | undefined> {
  const [row] = await tx
    .update(botIntents)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(botIntents.orgId, orgId), eq(botIntents.id, id)))
    .returning();
  return row;
}

export async function deleteIntent(orgId: number, id: number, tx: Tx = getDb()) {
  const [row] = await tx
    .delete(botIntents)
    .where(and(eq(botIntents.orgId, orgId), eq(botIntents.id, id)))
    .returning();
  return row;
}

/** Positions 0..n-1 in the given order (ids of one config), in one statement. */
export async function setIntentPositions(orgId: number, ids: number[], tx: Tx) {
  if (!ids.length) return;
  await tx
    .update(botIntents)
    .set({ position: sql`array_position(${sql.param(ids)}::bigint[], ${botIntents.id}) - 1` })
    .where(and(eq(botIntents.orgId, orgId), inArray(botIntents.id, ids)));
}

// ---- references an intent or a config may name: only the org's own rows ----

const REF_TABLES = { team: teams, tool: botTools, media: botMedia, preset: botPresets } as const;
export type RefKind = keyof typeof REF_TABLES;

/** The ids among `ids` that are rows of the org (teams: active ones only). */
export async function ownedIds(orgId: number, kind: RefKind, ids: number[], tx: Tx = getDb()): Promise<Set<number>> {
  if (!ids.length) return new Set();
  const table = REF_TABLES[kind];
  const conditions = [eq(table.orgId, orgId), inArray(table.id, ids)];
  if (kind === "team") conditions.push(eq(teams.isActive, true));
  const rows = await tx
    .select({ id: table.id })
    .from(table)
    .where(and(...conditions));
  return new Set(rows.map((r) => r.id));
}
