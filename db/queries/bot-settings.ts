import { and, eq, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { botConfigs, botPresets, botSettings, type BotMode, type WritingAssistConfig } from "@/db/schema";

export type BotSettingsRow = typeof botSettings.$inferSelect;
export type BotConfigRow = typeof botConfigs.$inferSelect;
export type BotPresetRow = typeof botPresets.$inferSelect;

export async function findBotSettings(orgId: number, tx: Tx = getDb()): Promise<BotSettingsRow | undefined> {
  const [row] = await tx.select().from(botSettings).where(eq(botSettings.orgId, orgId));
  return row;
}

/**
 * Writes the org's settings row in one statement: `initial` creates it the first time, else `patch` applies to the
 * stored row (its jsonb objects merged key by key, so no read is needed first and concurrent saves lose nothing).
 */
export async function upsertBotSettings(
  orgId: number,
  initial: { enabled: boolean; mode: BotMode; writingAssist: WritingAssistConfig },
  patch: { enabled?: boolean; mode?: Partial<BotMode>; writingAssist?: Partial<WritingAssistConfig> },
  tx: Tx = getDb(),
): Promise<BotSettingsRow> {
  const merged = (column: typeof botSettings.mode | typeof botSettings.writingAssist, value: object) => sql`${column} || ${JSON.stringify(value)}::jsonb`;
  const [row] = await tx
    .insert(botSettings)
    .values({ orgId, ...initial })
    .onConflictDoUpdate({
      target: botSettings.orgId,
      set: {
        ...(patch.enabled !== undefined ? { enabled: patch.enabled } : {}),
        ...(patch.mode ? { mode: merged(botSettings.mode, patch.mode) } : {}),
        ...(patch.writingAssist ? { writingAssist: merged(botSettings.writingAssist, patch.writingAssist) } : {}),
        updatedAt: new Date(),
      },
    })
    .returning();
  return row;
}

/** Writing assist stops naming a preset that is going away (it falls back to the active config's provider). */
export async function clearWritingAssistPreset(orgId: number, presetId: number, tx: Tx = getDb()): Promise<boolean> {
  const rows = await tx
    .update(botSettings)
    .set({ writingAssist: sql`jsonb_set(${botSettings.writingAssist}, '{presetId}', 'null'::jsonb)`, updatedAt: new Date() })
    .where(and(eq(botSettings.orgId, orgId), sql`${botSettings.writingAssist}->>'presetId' = ${String(presetId)}`))
    .returning({ orgId: botSettings.orgId });
  return rows.length > 0;
}

export async function findActiveConfig(orgId: number, tx: Tx = getDb()): Promise<BotConfigRow | undefined> {
  const [row] = await tx
    .select()
    .from(botConfigs)
    .where(and(eq(botConfigs.orgId, orgId), eq(botConfigs.isActive, true)));
  return row;
}

export async function findPreset(orgId: number, id: number, tx: Tx = getDb()): Promise<BotPresetRow | undefined> {
  const [row] = await tx
    .select()
    .from(botPresets)
    .where(and(eq(botPresets.orgId, orgId), eq(botPresets.id, id)));
  return row;
}
