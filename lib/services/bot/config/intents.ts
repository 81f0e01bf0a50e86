import {
  deleteIntent as deleteRow,
  findIntent,
  insertIntents,
  intentCounts,
  listIntents as listRows,
  ownedIds,
  setIntentPositions,
  updateIntent as updateRow,
  type BotIntentRow,
  type RefKind,
} from "@/db/queries/bot-config";
import { getDb, type Tx } from "@/db/client";
import type { Ctx } from "@/lib/api/context";
import type { IntentInput, IntentPatch } from "@/lib/api/contracts/bot-intents";
import type { IntentDto } from "@/lib/api/contracts/bot-schemas";
import { errors } from "@/lib/api/errors";
import { emit } from "@/lib/events/emit";
import { loadConfig, namedOrCurrentConfig, targetConfig } from "./load";

const idOrNull = (v: number | null) => (v === null ? null : String(v));

export function intentDto(row: BotIntentRow): IntentDto {
  return {
    id: String(row.id),
    configId: String(row.configId),
    name: row.name,
    description: row.description,
    position: row.position,
    isActive: row.isActive,
    keywords: row.keywords,
    patterns: row.patterns,
    examples: row.examples,
    action: row.action,
    response: row.response,
    mediaId: idOrNull(row.mediaId),
    toolId: idOrNull(row.toolId),
    teamId: idOrNull(row.teamId),
    actionConfig: row.actionConfig ?? {},
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const changed = (ctx: Ctx, id: number | null) => emit("bot.changed", { orgId: ctx.orgId, resource: "intent", id });

const REFS: [keyof IntentInput, RefKind, string][] = [
  ["mediaId", "media", "Media"],
  ["toolId", "tool", "Tool"],
  ["teamId", "team", "Team"],
];

/** What the intent will be after the change must be runnable by the engine, and name only the org's rows. */
async function checkIntent(ctx: Ctx, input: IntentPatch, merged: Pick<BotIntentRow, "action" | "response" | "mediaId" | "toolId">, tx: Tx) {
  for (const [field, kind, label] of REFS) {
    const id = input[field] as number | null | undefined;
    if (id && !(await ownedIds(ctx.orgId, kind, [id], tx)).size) throw errors.notFound(label);
  }
  if (merged.action === "TOOL" && !merged.toolId) throw errors.validation("A TOOL intent needs a tool", [{ path: "toolId", message: "is required for TOOL" }]);
  if ((merged.action === "REPLY" || merged.action === "ASK") && !merged.response && !merged.mediaId) {
    throw errors.validation(`A ${merged.action} intent needs a response or a media file`, [{ path: "response", message: `is required for ${merged.action} without mediaId` }]);
  }
}

export async function listIntents(ctx: Ctx, configId?: number) {
  const config = await namedOrCurrentConfig(ctx, configId);
  return { data: config ? (await listRows(ctx.orgId, config.id)).map(intentDto) : [] };
}

export async function createIntent(ctx: Ctx, configId: number | undefined, input: IntentInput) {
  const row = await getDb().transaction(async (tx) => {
    const config = await targetConfig(ctx, configId, tx);
    const action = input.action ?? "REPLY";
    await checkIntent(ctx, input, { action, response: input.response ?? null, mediaId: input.mediaId ?? null, toolId: input.toolId ?? null }, tx);
    const position = (await intentCounts(ctx.orgId, [config.id], tx)).get(config.id) ?? 0;
    const [created] = await insertIntents([{ ...input, action, orgId: ctx.orgId, configId: config.id, position }], tx);
    return created;
  });
  changed(ctx, row.id);
  return intentDto(row);
}

export async function updateIntent(ctx: Ctx, id: number, input: IntentPatch) {
  const row = await getDb().transaction(async (tx) => {
    const current = await findIntent(ctx.orgId, id, tx);
    if (!current) throw errors.notFound("Intent");
    const pick = <K extends "action" | "response" | "mediaId" | "toolId">(k: K) => (input[k] !== undefined ? input[k] : current[k]) as BotIntentRow[K];
    await checkIntent(ctx, input, { action: pick("action"), response: pick("response"), mediaId: pick("mediaId"), toolId: pick("toolId") }, tx);
    return (await updateRow(ctx.orgId, id, input, tx))!;
  });
  changed(ctx, id);
  return intentDto(row);
}

export async function deleteIntent(ctx: Ctx, id: number) {
  await getDb().transaction(async (tx) => {
    const removed = await deleteRow(ctx.orgId, id, tx);
    if (!removed) throw errors.notFound("Intent");
    const rest = await listRows(ctx.orgId, removed.configId, tx);
    await setIntentPositions(ctx.orgId, rest.map((r) => r.id), tx);
  });
  changed(ctx, id);
}

/** `ids` must name every intent of the config exactly once. */
export async function reorderIntents(ctx: Ctx, configId: number | undefined, ids: number[]) {
  const rows = await getDb().transaction(async (tx) => {
    let cid = configId;
    if (!cid) {
      const first = await findIntent(ctx.orgId, ids[0], tx);
      if (!first) throw errors.notFound("Intent");
      cid = first.configId;
    }
    const config = await loadConfig(ctx, cid, tx);
    const current = await listRows(ctx.orgId, config.id, tx);
    const known = new Set(current.map((r) => r.id));
    const unique = new Set(ids);
    if (unique.size !== ids.length || ids.length !== current.length || ids.some((id) => !known.has(id))) {
      throw errors.validation("ids must list every intent of the config exactly once", [
        { path: "ids", message: `expected the ${current.length} intent ids of config ${config.id}, each once` },
      ]);
    }
    await setIntentPositions(ctx.orgId, ids, tx);
    const byId = new Map(current.map((r) => [r.id, r]));
    return ids.map((id, position) => ({ ...byId.get(id)!, position }));
  });
  changed(ctx, null);
  return { data: rows.map(intentDto) };
}
