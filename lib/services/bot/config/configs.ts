import {
  countConfigs,
  deactivateConfigs,
  deleteConfig,
  insertConfig,
  insertIntents,
  intentCounts,
  listConfigs,
  listIntents,
  listPresets,
  ownedIds,
  updateConfig,
  type BotConfigInsert,
  type BotConfigRow,
} from "@/db/queries/bot-config";
import { getDb, type Tx } from "@/db/client";
import type { BotConfigSettings } from "@/db/schema";
import type { Ctx } from "@/lib/api/context";
import type { ConfigInput } from "@/lib/api/contracts/bot-config";
import { errors } from "@/lib/api/errors";
import { emit } from "@/lib/events/emit";
import { audit } from "@/lib/services/audit";
import { forgetBotGate } from "../settings";
import { auditKeyChange, keyPatch } from "./keys";
import { configDto, loadConfig, namedOrCurrentConfig } from "./load";
import { checkProviderFields } from "./models";
import { recordPrompt } from "./prompt-versions";

const changed = (ctx: Ctx, id: number) => emit("bot.changed", { orgId: ctx.orgId, resource: "config", id });

export async function getCurrentConfig(ctx: Ctx, configId?: number) {
  const row = await namedOrCurrentConfig(ctx, configId);
  return row ? configDto(row) : null;
}

export async function listBotConfigs(ctx: Ctx) {
  const rows = await listConfigs(ctx.orgId);
  const [counts, presets] = await Promise.all([intentCounts(ctx.orgId, rows.map((r) => r.id)), rows.some((r) => r.presetId) ? listPresets(ctx.orgId) : []]);
  const known = new Map(presets.map((p) => [p.id, p]));
  return { data: await Promise.all(rows.map((r) => configDto(r, { intentCount: counts.get(r.id) ?? 0, presets: known }))) };
}

/** settings.toolIds / handoffTeamId must be the org's; merged key by key into the current settings. */
async function mergeSettings(ctx: Ctx, current: BotConfigSettings, patch: ConfigInput["settings"], tx: Tx): Promise<BotConfigSettings> {
  if (!patch) return current;
  if (patch.toolIds?.length) {
    const owned = await ownedIds(ctx.orgId, "tool", patch.toolIds, tx);
    const foreign = patch.toolIds.filter((id) => !owned.has(id));
    if (foreign.length) throw errors.rule("INVALID_REFERENCE", `Unknown tool id(s): ${foreign.join(", ")}`);
  }
  if (patch.handoffTeamId) {
    const owned = await ownedIds(ctx.orgId, "team", [patch.handoffTeamId], tx);
    if (!owned.size) throw errors.rule("INVALID_REFERENCE", `Unknown or inactive team: ${patch.handoffTeamId}`);
  }
  const merged: BotConfigSettings = { ...current };
  for (const [k, v] of Object.entries(patch)) if (v !== undefined) (merged as Record<string, unknown>)[k] = v;
  if (patch.toolIds) merged.toolIds = [...new Set(patch.toolIds)];
  return merged;
}

/** Validates an input against the config it lands on (`current`, or the defaults of a new one) and returns the column patch. */
async function columnsOf(ctx: Ctx, input: ConfigInput, current: BotConfigRow | null, tx: Tx): Promise<Partial<BotConfigInsert>> {
  const { apiKey, settings, systemPrompt: _prompt, promptNote: _note, ...plain } = input;
  if (input.presetId) {
    const owned = await ownedIds(ctx.orgId, "preset", [input.presetId], tx);
    if (!owned.size) throw errors.notFound("Preset");
  }
  checkProviderFields({
    provider: input.provider !== undefined ? input.provider : (current?.provider ?? null),
    baseUrl: input.baseUrl !== undefined ? input.baseUrl : (current?.baseUrl ?? null),
    baseUrlChanged: input.baseUrl !== undefined,
  });
  const values: Partial<BotConfigInsert> = { ...plain, ...keyPatch(apiKey) };
  if (settings) values.settings = await mergeSettings(ctx, current?.settings ?? {}, settings, tx);
  return values;
}

/** A new config; the org's first one is created active (the bot has something to run at once). */
async function insertNew(ctx: Ctx, input: ConfigInput, tx: Tx, forceActive = false) {
  const values = await columnsOf(ctx, input, null, tx);
  const active = forceActive || (await countConfigs(ctx.orgId, tx)) === 0;
  let row = await insertConfig(
    { ...values, orgId: ctx.orgId, name: input.name ?? "Bot", isActive: active, activatedAt: active ? new Date() : null, createdById: ctx.user?.id ?? null },
    tx,
  );
  if (input.systemPrompt) row = await recordPrompt(ctx, row, input.systemPrompt, input.promptNote ?? null, tx);
  await auditKeyChange(ctx, { type: "bot_config", id: row.id }, input.apiKey, tx);
  if (active) await audit(ctx, "bot.config_activated", { type: "bot_config", id: row.id }, { name: row.name, created: true }, tx);
  return row;
}

function afterWrite(ctx: Ctx, row: BotConfigRow) {
  if (row.isActive) forgetBotGate(ctx.orgId);
  changed(ctx, row.id);
  return configDto(row);
}

export async function createBotConfig(ctx: Ctx, input: ConfigInput & { name: string }) {
  const row = await getDb().transaction((tx) => insertNew(ctx, input, tx));
  return afterWrite(ctx, row);
}

/** PUT /bot-config: the active config (or `configId`), created active when the org has none. */
export async function upsertBotConfig(ctx: Ctx, configId: number | undefined, input: ConfigInput) {
  const row = await getDb().transaction(async (tx) => {
    const current = await namedOrCurrentConfig(ctx, configId, tx);
    if (!current) return insertNew(ctx, input, tx, true);
    return applyConfigInput(ctx, current, input, tx);
  });
  return afterWrite(ctx, row);
}

/** Writes a validated input over an existing config (a changed prompt becomes a new version). */
export async function applyConfigInput(ctx: Ctx, current: BotConfigRow, input: ConfigInput, tx: Tx): Promise<BotConfigRow> {
  const values = await columnsOf(ctx, input, current, tx);
  let row = (await updateConfig(ctx.orgId, current.id, values, tx))!;
  if (input.systemPrompt !== undefined && input.systemPrompt !== current.systemPrompt) {
    row = await recordPrompt(ctx, row, input.systemPrompt, input.promptNote ?? null, tx);
  }
  await auditKeyChange(ctx, { type: "bot_config", id: row.id }, input.apiKey, tx);
  return row;
}

export async function duplicateBotConfig(ctx: Ctx, id: number, input: { name?: string }) {
  const row = await getDb().transaction(async (tx) => {
    const source = await loadConfig(ctx, id, tx);
    const { id: _id, isActive: _a, activatedAt: _at, createdAt: _c, updatedAt: _u, promptVersion: _v, createdById: _by, ...fields } = source;
    let copy = await insertConfig(
      { ...fields, name: input.name ?? `${source.name} (copy)`.slice(0, 120), isActive: false, activatedAt: null, promptVersion: 1, createdById: ctx.user?.id ?? null },
      tx,
    );
    if (source.systemPrompt) copy = await recordPrompt(ctx, copy, source.systemPrompt, `Copied from "${source.name}" v${source.promptVersion}`, tx);
    const intents = await listIntents(ctx.orgId, source.id, tx);
    await insertIntents(
      intents.map(({ id: _i, createdAt: _ca, updatedAt: _ua, ...intent }) => ({ ...intent, configId: copy.id })),
      tx,
    );
    return copy;
  });
  changed(ctx, row.id);
  return configDto(row);
}

export async function activateBotConfig(ctx: Ctx, id: number) {
  const row = await getDb().transaction(async (tx) => {
    const target = await loadConfig(ctx, id, tx);
    if (target.isActive) return target;
    const previous = await deactivateConfigs(ctx.orgId, tx);
    const activated = (await updateConfig(ctx.orgId, id, { isActive: true, activatedAt: new Date() }, tx))!;
    await audit(ctx, "bot.config_activated", { type: "bot_config", id }, { name: target.name, previousId: previous[0]?.id ?? null }, tx);
    return activated;
  });
  forgetBotGate(ctx.orgId);
  changed(ctx, row.id);
  return configDto(row);
}

export async function deleteBotConfig(ctx: Ctx, id: number) {
  await getDb().transaction(async (tx) => {
    const target = await loadConfig(ctx, id, tx);
    if (target.isActive) throw errors.rule("ACTIVE_CONFIG", "The active config cannot be deleted; activate another config first");
    await deleteConfig(ctx.orgId, id, tx);
    await audit(ctx, "bot.config_deleted", { type: "bot_config", id }, { name: target.name }, tx);
  });
  forgetBotGate(ctx.orgId);
  changed(ctx, id);
}
