import { deletePreset as deleteRow, insertPreset, listPresets as listRows, updatePreset as updateRow, type BotPresetRow } from "@/db/queries/bot-config";
import { clearWritingAssistPreset, findPreset } from "@/db/queries/bot-settings";
import { getDb } from "@/db/client";
import type { Ctx } from "@/lib/api/context";
import type { PresetInput, PresetPatch } from "@/lib/api/contracts/bot-presets";
import type { PresetDto } from "@/lib/api/contracts/bot-schemas";
import { errors } from "@/lib/api/errors";
import { uniqueName } from "@/lib/services/unique-name";
import { emit } from "@/lib/events/emit";
import { forgetBotGate } from "../settings";
import { auditKeyChange, keyPatch, providerFieldsDto } from "./keys";
import { checkProviderFields } from "./models";

export function presetDto(row: BotPresetRow): PresetDto {
  return {
    id: String(row.id),
    name: row.name,
    ...providerFieldsDto(row),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const changed = (ctx: Ctx, id: number) => {
  // A preset may be what the active config runs on.
  forgetBotGate(ctx.orgId);
  emit("bot.changed", { orgId: ctx.orgId, resource: "preset", id });
};

export async function listPresets(ctx: Ctx) {
  return { data: (await listRows(ctx.orgId)).map(presetDto) };
}

export async function createPreset(ctx: Ctx, input: PresetInput) {
  checkProviderFields({ provider: input.provider, baseUrl: input.baseUrl ?? null, baseUrlChanged: true });
  const { apiKey, ...fields } = input;
  const row = await uniqueName("preset", input.name, () =>
    getDb().transaction(async (tx) => {
      const created = await insertPreset({ ...fields, ...keyPatch(apiKey), orgId: ctx.orgId, createdById: ctx.user?.id ?? null }, tx);
      // A new preset without a key has none to clear.
      await auditKeyChange(ctx, { type: "bot_preset", id: created.id }, apiKey || undefined, tx);
      return created;
    }),
  );
  changed(ctx, row.id);
  return presetDto(row);
}

export async function updatePreset(ctx: Ctx, id: number, input: PresetPatch) {
  const row = await uniqueName("preset", input.name, () =>
    getDb().transaction(async (tx) => {
      const current = await findPreset(ctx.orgId, id, tx);
      if (!current) throw errors.notFound("Preset");
      checkProviderFields({
        provider: input.provider ?? current.provider,
        baseUrl: input.baseUrl !== undefined ? input.baseUrl : current.baseUrl,
        baseUrlChanged: input.baseUrl !== undefined,
      });
      const { apiKey, ...fields } = input;
      const updated = (await updateRow(ctx.orgId, id, { ...fields, ...keyPatch(apiKey) }, tx))!;
      await auditKeyChange(ctx, { type: "bot_preset", id }, apiKey, tx);
      return updated;
    }),
  );
  changed(ctx, id);
  return presetDto(row);
}

/**
 * Configs that used the preset keep working on their own provider fields (the FK sets their presetId to null);
 * writing assist, whose preset lives in the settings' JSON, is cleared in the same transaction.
 */
export async function deletePreset(ctx: Ctx, id: number) {
  const settingsCleared = await getDb().transaction(async (tx) => {
    if (!(await deleteRow(ctx.orgId, id, tx))) throw errors.notFound("Preset");
    return clearWritingAssistPreset(ctx.orgId, id, tx);
  });
  changed(ctx, id);
  emit("bot.changed", { orgId: ctx.orgId, resource: "config", id: null });
  if (settingsCleared) emit("bot.changed", { orgId: ctx.orgId, resource: "settings", id: null });
}
