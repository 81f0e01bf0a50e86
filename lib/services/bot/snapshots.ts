import { findConfig } from "@/db/queries/bot-config";
import { deleteSnapshot as deleteSnapshotRow, findSnapshot, insertSnapshot, listSnapshots, type BotSnapshotRow } from "@/db/queries/bot-library";
import type { Ctx } from "@/lib/api/context";
import type { BotConfigDto } from "@/lib/api/contracts/bot-schemas";
import { errors } from "@/lib/api/errors";
import { emit } from "@/lib/events/emit";
import { audit } from "@/lib/services/audit";
import { configDto, targetConfig } from "./config/load";
import { exportBot } from "./export";
import { applyDocument, emitImported, parseExportDocument, runImport } from "./import-apply";

/**
 * Snapshots: a config saved as its "standard" export document (config, intents, tools, media metadata) to restore
 * later. Restoring replaces the config's fields and intents in one transaction after saving the current state as an
 * automatic snapshot, so a restore can itself be undone.
 */

type SnapshotMeta = Pick<BotSnapshotRow, "id" | "configId" | "name" | "note" | "size" | "createdAt">;
export const snapshotDto = (s: SnapshotMeta) => ({
  id: String(s.id),
  configId: s.configId === null ? null : String(s.configId),
  name: s.name,
  note: s.note,
  size: s.size,
  createdAt: s.createdAt.toISOString(),
});

async function takeSnapshot(ctx: Pick<Ctx, "orgId" | "user">, configId: number, name: string, note: string | null) {
  const payload = await exportBot(ctx.orgId, configId, "standard");
  const row = await insertSnapshot({
    orgId: ctx.orgId,
    configId,
    name,
    note,
    payload,
    size: Buffer.byteLength(JSON.stringify(payload)),
    createdById: ctx.user?.id ?? null,
  });
  emit("bot.changed", { orgId: ctx.orgId, resource: "snapshot", id: row.id });
  return row;
}

export async function createSnapshot(ctx: Ctx, input: { name?: string; note?: string | null; configId?: number }) {
  const config = await targetConfig(ctx, input.configId);
  const name = input.name?.trim() || `${config.name} — ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`;
  return snapshotDto(await takeSnapshot(ctx, config.id, name, input.note ?? null));
}

export async function listSnapshotsOf(ctx: Ctx, configId?: number) {
  return { data: (await listSnapshots(ctx.orgId, configId)).map(snapshotDto) };
}

export async function removeSnapshot(ctx: Ctx, id: number) {
  if (!(await deleteSnapshotRow(ctx.orgId, id))) throw errors.notFound("Snapshot");
  emit("bot.changed", { orgId: ctx.orgId, resource: "snapshot", id });
}

/**
 * Restores into the snapshot's own config, or into a new draft when that config was deleted. Media are matched by
 * name (a standard snapshot carries no files); tools missing since are re-created from the snapshot.
 */
export async function restoreSnapshot(ctx: Ctx, id: number): Promise<BotConfigDto> {
  const snapshot = await findSnapshot(ctx.orgId, id);
  if (!snapshot) throw errors.notFound("Snapshot");
  let doc;
  try {
    doc = parseExportDocument(snapshot.payload);
  } catch {
    throw errors.rule("SNAPSHOT_UNREADABLE", "This snapshot was saved in a format that can no longer be restored");
  }
  const existing = snapshot.configId ? await findConfig(ctx.orgId, snapshot.configId) : undefined;
  if (existing) await takeSnapshot(ctx, existing.id, `Before restore of "${snapshot.name}"`, `Automatic snapshot taken before restoring snapshot ${snapshot.id}`);
  const target = existing ? { configId: existing.id } : { name: `${doc.config.name} (restored)` };
  const r = await runImport(ctx.orgId, doc, undefined, async (tx, staged) => {
    const applied = await applyDocument(tx, ctx, doc, staged, target);
    await audit(ctx, "bot.snapshot_restored", { type: "bot_snapshot", id: snapshot.id }, { configId: applied.config.id, newDraft: !existing }, tx);
    return applied;
  });
  emitImported(ctx.orgId, r.config.id, r.created);
  return configDto(r.config);
}
