import { getDb } from "@/db/client";
import { deleteStoredFileRow } from "@/db/queries/files";
import { findQuickReply, updateQuickReply } from "@/db/queries/quick-replies";
import type { QuickReplyMedia } from "@/db/schema";
import type { Ctx } from "@/lib/api/context";
import { errors } from "@/lib/api/errors";
import { audit } from "@/lib/services/audit";
import { deleteStoredFile, removeObject, storeFile } from "@/lib/services/files/store";
import { sniffContentType } from "@/lib/services/files/sniff";
import { checkMedia } from "@/lib/services/messages/media-limits";
import { quickReplyDto } from "./dto";
import { quickReplyChanged } from "./quick-replies";

/**
 * The attachment is sent as WhatsApp media later, so WhatsApp's limits apply now (415 with the allowed list, 413).
 * Images are judged by their bytes, not by the type the client declares.
 */
async function takeMedia(form: FormData) {
  const file = form.get("file");
  if (!(file instanceof Blob) || file.size === 0) {
    throw errors.validation('Attach the file in the "file" field', [{ path: "file", message: "is required" }]);
  }
  const buffer = Buffer.from(await file.arrayBuffer());
  const contentType = sniffContentType(buffer) ?? file.type.split(";")[0].trim().toLowerCase();
  checkMedia(contentType, buffer.length);
  const originalName = "name" in file && typeof file.name === "string" && file.name ? file.name.slice(0, 255) : null;
  return { buffer, contentType, originalName };
}

/** Points the quick reply at `media` (or none) and deletes the file it replaces: its row now, its object after commit. */
async function swapMedia(ctx: Ctx, id: number, media: QuickReplyMedia | null) {
  const { row, changed, previousKey } = await getDb().transaction(async (tx) => {
    const before = await findQuickReply(ctx.orgId, id, tx, true);
    if (!before) throw errors.notFound("Quick reply");
    if (!media && !before.media) return { row: before, changed: false, previousKey: undefined };
    const row = await updateQuickReply(ctx.orgId, id, { media }, tx);
    const previous = before.media ? await deleteStoredFileRow(ctx.orgId, before.media.fileId, tx) : undefined;
    await audit(ctx, "quick_reply.updated", { type: "quick_reply", id }, { shortcut: row.shortcut, media: media?.mimeType ?? null }, tx);
    return { row, changed: true, previousKey: previous?.storageKey };
  });
  if (previousKey) await removeObject(previousKey);
  if (changed) quickReplyChanged(ctx, [id]);
  return quickReplyDto(row);
}

export async function uploadQuickReplyMedia(ctx: Ctx, id: number, form: FormData) {
  // A missing quick reply answers 404 before anything is stored.
  if (!(await findQuickReply(ctx.orgId, id))) throw errors.notFound("Quick reply");
  const upload = await takeMedia(form);
  const file = await storeFile(ctx, { ...upload, purpose: "quick-reply" });
  try {
    return await swapMedia(ctx, id, { fileId: file.id, mimeType: file.contentType, filename: file.originalName, size: file.size });
  } catch (e) {
    await deleteStoredFile(ctx.orgId, file.id);
    throw e;
  }
}

export async function removeQuickReplyMedia(ctx: Ctx, id: number) {
  return swapMedia(ctx, id, null);
}
