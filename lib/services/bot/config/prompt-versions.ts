import { findPromptVersion, insertPromptVersion, lastPromptVersion, listPromptVersions as listRows, updateConfig, type BotConfigRow } from "@/db/queries/bot-config";
import { getDb, type Tx } from "@/db/client";
import type { Ctx } from "@/lib/api/context";
import { errors } from "@/lib/api/errors";
import { emit } from "@/lib/events/emit";
import { configDto, loadConfig, targetConfig } from "./load";

/**
 * Every prompt a config has had is kept: a change (or a rollback) appends version n+1 and points the config at it.
 * The first prompt of a config is version 1.
 */
export async function recordPrompt(ctx: Pick<Ctx, "orgId" | "user">, config: BotConfigRow, systemPrompt: string, note: string | null, tx: Tx): Promise<BotConfigRow> {
  const version = (await lastPromptVersion(config.id, tx)) + 1;
  await insertPromptVersion({ orgId: ctx.orgId, configId: config.id, version, systemPrompt, note, createdById: ctx.user?.id ?? null }, tx);
  return (await updateConfig(ctx.orgId, config.id, { systemPrompt, promptVersion: version }, tx))!;
}

export async function listPromptVersions(ctx: Ctx, configId?: number) {
  const config = await targetConfig(ctx, configId);
  const rows = await listRows(ctx.orgId, config.id);
  return {
    data: rows.map(({ version: v, authorName }) => ({
      id: String(v.id),
      version: v.version,
      systemPrompt: v.systemPrompt,
      note: v.note,
      createdAt: v.createdAt.toISOString(),
      createdBy: v.createdById === null ? null : { id: String(v.createdById), name: authorName ?? "" },
      isCurrent: v.version === config.promptVersion,
    })),
  };
}

/** Rollback: the old text becomes the prompt again, as a new version (nothing changes when it already is the prompt). */
export async function activatePromptVersion(ctx: Ctx, id: number) {
  const row = await getDb().transaction(async (tx) => {
    const version = await findPromptVersion(ctx.orgId, id, tx);
    if (!version) throw errors.notFound("Prompt version");
    const config = await loadConfig(ctx, version.configId, tx);
    if (config.systemPrompt === version.systemPrompt) return config;
    return recordPrompt(ctx, config, version.systemPrompt, `Restored version ${version.version}`, tx);
  });
  emit("bot.changed", { orgId: ctx.orgId, resource: "config", id: row.id });
  return configDto(row);
}
