import { randomUUID } from "node:crypto";
import { deleteStoredFileRow, insertStoredFile } from "@/db/queries/files";
import type { Ctx } from "@/lib/api/context";
import { log } from "@/lib/log";
import { storage } from "@/lib/storage";

export type StoreFileInput = { buffer: Buffer; contentType: string; originalName?: string | null; purpose: string };

/** Writes the object, then its row; a row that cannot be written takes the object with it. */
export async function storeFile(ctx: Ctx, input: StoreFileInput) {
  const storageKey = `${ctx.orgId}/${input.purpose}/${randomUUID()}`;
  await storage().put(storageKey, input.buffer, input.contentType);
  try {
    return await insertStoredFile({
      orgId: ctx.orgId,
      uploadedById: ctx.user?.id ?? null,
      storageKey,
      contentType: input.contentType,
      size: input.buffer.length,
      originalName: input.originalName ?? null,
      purpose: input.purpose,
    });
  } catch (e) {
    await removeObject(storageKey);
    throw e;
  }
}

/**
 * Objects are removed after the row is gone (storage is not transactional). A failure only leaves an unreferenced
 * object behind, so it is logged rather than failing a request whose database change already committed.
 */
export async function removeObject(storageKey: string) {
  await storage()
    .delete(storageKey)
    .catch((error: unknown) => log.warn("stored object could not be deleted", { storageKey, error }));
}

/** Deletes a file (row, then object) of the org; false when the org has no such file. */
export async function deleteStoredFile(orgId: number, fileId: number) {
  const row = await deleteStoredFileRow(orgId, fileId);
  if (!row) return false;
  await removeObject(row.storageKey);
  return true;
}
