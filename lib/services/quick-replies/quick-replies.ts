import { getDb, type Tx } from "@/db/client";
import { deleteStoredFileRow } from "@/db/queries/files";
import {
  deleteQuickReplies,
  findQuickReply,
  insertQuickReply,
  listQuickReplies as listRows,
  updateQuickReply as updateRow,
  type QuickReplyFilter,
  type QuickReplyRow,
} from "@/db/queries/quick-replies";
import type { Ctx } from "@/lib/api/context";
import { errors, isUniqueViolation } from "@/lib/api/errors";
import { emit } from "@/lib/events/emit";
import { audit } from "@/lib/services/audit";
import { removeObject } from "@/lib/services/files/store";
import { quickReplyDto } from "./dto";

export type QuickReplyInput = { shortcut: string; title: string; body: string; category?: string | null; isActive?: boolean };

/** Shortcuts are stored lowercase under a unique index on lower(shortcut): two replies can never answer one "/word". */
async function uniqueShortcut<T>(shortcut: string | undefined, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (isUniqueViolation(e)) throw errors.conflict(`The shortcut "/${shortcut}" is already used`, [{ path: "shortcut", message: "is already taken" }]);
    throw e;
  }
}

export const quickReplyChanged = (ctx: Ctx, ids: number[]) => {
  for (const quickReplyId of ids) emit("quick_reply.changed", { orgId: ctx.orgId, quickReplyId });
};

/** Agents pick from the active ones; GET /quick-replies/all (admins) passes no isActive to see them all. */
export async function listQuickReplies(ctx: Ctx, f: QuickReplyFilter) {
  return { data: (await listRows(ctx.orgId, f)).map(quickReplyDto) };
}

export async function createQuickReply(ctx: Ctx, input: QuickReplyInput) {
  const row = await uniqueShortcut(input.shortcut, () =>
    getDb().transaction(async (tx) => {
      const row = await insertQuickReply({ ...input, orgId: ctx.orgId, createdById: ctx.user?.id ?? null }, tx);
      await audit(ctx, "quick_reply.created", { type: "quick_reply", id: row.id }, { shortcut: row.shortcut }, tx);
      return row;
    }),
  );
  quickReplyChanged(ctx, [row.id]);
  return quickReplyDto(row);
}

export async function updateQuickReply(ctx: Ctx, id: number, input: Partial<QuickReplyInput>) {
  const row = await uniqueShortcut(input.shortcut, () =>
    getDb().transaction(async (tx) => {
      const before = await findQuickReply(ctx.orgId, id, tx, true);
      if (!before) throw errors.notFound("Quick reply");
      const row = await updateRow(ctx.orgId, id, input, tx);
      await audit(ctx, "quick_reply.updated", { type: "quick_reply", id }, { shortcut: row.shortcut, changed: Object.keys(input) }, tx);
      return row;
    }),
  );
  quickReplyChanged(ctx, [id]);
  return quickReplyDto(row);
}

/**
 * Deletes the rows and the rows of their media files in the caller's transaction; the objects go after commit
 * (storage is not transactional), through the returned function.
 */
export async function deleteQuickReplyRows(ctx: Ctx, ids: number[], tx: Tx) {
  const deleted = await deleteQuickReplies(ctx.orgId, ids, tx);
  const files: string[] = [];
  for (const q of deleted) {
    if (!q.media) continue;
    const file = await deleteStoredFileRow(ctx.orgId, q.media.fileId, tx);
    if (file) files.push(file.storageKey);
  }
  return { deleted, removeObjects: () => Promise.all(files.map(removeObject)) };
}

export async function deleteQuickReply(ctx: Ctx, id: number) {
  const { removeObjects } = await getDb().transaction(async (tx) => {
    const result = await deleteQuickReplyRows(ctx, [id], tx);
    const [row] = result.deleted as (QuickReplyRow | undefined)[];
    if (!row) throw errors.notFound("Quick reply");
    await audit(ctx, "quick_reply.deleted", { type: "quick_reply", id }, { shortcut: row.shortcut }, tx);
    return result;
  });
  await removeObjects();
  quickReplyChanged(ctx, [id]);
}
