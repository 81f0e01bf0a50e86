import { findConfig, findCurrentConfig, intentCounts, type BotConfigRow, type BotPresetRow } from "@/db/queries/bot-config";
import { findPreset } from "@/db/queries/bot-settings";
import type { Tx } from "@/db/client";
import type { BotConfigSettings } from "@/db/schema";
import type { Ctx } from "@/lib/api/context";
import type { BotConfigDto } from "@/lib/api/contracts/bot-schemas";
import { errors } from "@/lib/api/errors";
import { needsApiKey } from "@/lib/ai/providers";
import { providerFieldsDto } from "./keys";

/** A config of the caller's org (404 for a missing id or another org's). */
export async function loadConfig(ctx: Pick<Ctx, "orgId">, id: number, tx?: Tx): Promise<BotConfigRow> {
  const row = await findConfig(ctx.orgId, id, tx);
  if (!row) throw errors.notFound("Bot config");
  return row;
}

/**
 * The config an endpoint without an id acts on: `configId` when given (drafts are edited that way; 404 when it is not
 * the org's), else the active config, else the draft changed last; undefined when the org has no config yet.
 */
export async function namedOrCurrentConfig(ctx: Pick<Ctx, "orgId">, configId?: number | null, tx?: Tx): Promise<BotConfigRow | undefined> {
  return configId ? loadConfig(ctx, configId, tx) : findCurrentConfig(ctx.orgId, tx);
}

/** namedOrCurrentConfig, 404 when the org has no config yet. */
export async function targetConfig(ctx: Pick<Ctx, "orgId">, configId?: number | null, tx?: Tx): Promise<BotConfigRow> {
  const row = await namedOrCurrentConfig(ctx, configId, tx);
  if (!row) throw errors.notFound("Bot config (create one first)");
  return row;
}

function settingsDto({ toolIds, handoffTeamId, ...rest }: BotConfigSettings): BotConfigDto["settings"] {
  return {
    ...rest,
    ...(toolIds ? { toolIds: toolIds.map(String) } : {}),
    ...(handoffTeamId !== undefined ? { handoffTeamId: handoffTeamId === null ? null : String(handoffTeamId) } : {}),
  };
}

type Fields = { provider: BotConfigRow["provider"]; model: string | null; baseUrl: string | null; apiKeyEnc: string | null };
/** Same rule as usableProvider, without decrypting the key. */
const callable = (f: Fields) => Boolean(f.provider && f.model && (!needsApiKey(f.provider) || f.apiKeyEnc) && (f.provider !== "LOCAL" || f.baseUrl));

/**
 * The API shape of a config. `intentCount` and the preset are read unless the caller already knows them (lists pass
 * them for every row at once).
 */
export async function configDto(row: BotConfigRow, known?: { intentCount: number; presets: Map<number, BotPresetRow> }): Promise<BotConfigDto> {
  const intentCount = known ? known.intentCount : ((await intentCounts(row.orgId, [row.id])).get(row.id) ?? 0);
  const preset = !row.presetId ? undefined : known ? known.presets.get(row.presetId) : await findPreset(row.orgId, row.presetId);
  return {
    id: String(row.id),
    name: row.name,
    status: row.isActive ? "ACTIVE" : "DRAFT",
    presetId: row.presetId === null ? null : String(row.presetId),
    ...providerFieldsDto(row),
    systemPrompt: row.systemPrompt,
    promptVersion: row.promptVersion,
    welcomeMessage: row.welcomeMessage,
    fallbackMessage: row.fallbackMessage,
    handoffMessage: row.handoffMessage,
    confidenceThreshold: row.confidenceThreshold,
    language: row.language,
    settings: settingsDto(row.settings ?? {}),
    intentCount,
    aiConfigured: callable(preset ?? row),
    activatedAt: row.activatedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
