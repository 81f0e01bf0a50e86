import { findActiveConfig, findBotSettings, upsertBotSettings, type BotSettingsRow } from "@/db/queries/bot-settings";
import type { BotMode, WritingAssistConfig } from "@/db/schema";
import type { Tx } from "@/db/client";
import { emit } from "@/lib/events/emit";

/** What an org without a settings row gets: the bot on, answering new conversations with our own engine. */
export const DEFAULT_MODE: BotMode = { answerNewConversations: true, handoffOnLowConfidence: true, engine: "BUILTIN", externalWebhookUrl: null };
export const DEFAULT_WRITING_ASSIST: WritingAssistConfig = { enabled: false, presetId: null, tone: "neutral" };

export type BotSettings = { enabled: boolean; mode: BotMode; writingAssist: WritingAssistConfig };

const fromRow = (row: BotSettingsRow | undefined): BotSettings => ({
  enabled: row?.enabled ?? true,
  mode: { ...DEFAULT_MODE, ...(row?.mode ?? {}) },
  writingAssist: { ...DEFAULT_WRITING_ASSIST, ...(row?.writingAssist ?? {}) },
});

export async function getBotSettings(orgId: number): Promise<BotSettings> {
  return fromRow(await findBotSettings(orgId));
}

/**
 * Changes the org's bot settings (admin services validate first): `mode` and `writingAssist` merge into the stored
 * ones key by key. Clears the cache and tells the clients.
 */
export type BotSettingsPatch = { enabled?: boolean; mode?: Partial<BotMode>; writingAssist?: Partial<WritingAssistConfig> };

export async function saveBotSettings(orgId: number, patch: BotSettingsPatch, tx?: Tx): Promise<BotSettings> {
  const initial = fromRow(undefined);
  const row = await upsertBotSettings(
    orgId,
    {
      enabled: patch.enabled ?? initial.enabled,
      mode: { ...initial.mode, ...patch.mode },
      writingAssist: { ...initial.writingAssist, ...patch.writingAssist },
    },
    patch,
    tx,
  );
  forgetBotGate(orgId);
  emit("bot.changed", { orgId, resource: "settings", id: null });
  return fromRow(row);
}

/**
 * Whether the bot takes new conversations of the org: enabled, answering new conversations, and either an active
 * config (our engine) or the external engine. The webhook asks this for every inbound batch, so it is cached for a
 * second per process; changes made in this process clear it at once (forgetBotGate).
 */
const GATE_TTL_MS = 1_000;
const gate = new Map<number, { at: number; value: boolean }>();

export function forgetBotGate(orgId: number) {
  gate.delete(orgId);
}

export async function botTakesNewConversations(orgId: number): Promise<boolean> {
  const hit = gate.get(orgId);
  if (hit && Date.now() - hit.at < GATE_TTL_MS) return hit.value;
  const settings = await getBotSettings(orgId);
  const value =
    settings.enabled &&
    settings.mode.answerNewConversations &&
    (settings.mode.engine === "EXTERNAL" ? Boolean(settings.mode.externalWebhookUrl) : Boolean(await findActiveConfig(orgId)));
  gate.set(orgId, { at: Date.now(), value });
  return value;
}
