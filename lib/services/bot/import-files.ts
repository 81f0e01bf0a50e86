import { randomUUID } from "node:crypto";
import { documentsByTitles, mediaByNames } from "@/db/queries/bot-library";
import { errors } from "@/lib/api/errors";
import { removeObject } from "@/lib/services/files/store";
import { storage } from "@/lib/storage";
import type { ExportDocument } from "./export-document";
import { checkBotMedia, checkThumbnail } from "./media";

/** The files an import brings (media and original knowledge documents), written to storage before its transaction. */

const lower = (s: string) => s.toLowerCase();

/** A file already written to storage, waiting for its row (written in the import's transaction). */
export type Staged = { storageKey: string; contentType: string; size: number; originalName: string | null };
type StagedMedia = { file: Staged; thumbnail: Staged | null; kind: ReturnType<typeof checkBotMedia>["kind"] };
export type StagedFiles = { media: Map<string, StagedMedia>; documents: Map<string, Staged>; keys: string[] };

function bytesOf(entry: { data?: string; file?: string }, files: Record<string, Uint8Array> | undefined, path: string): Buffer | null {
  if (entry.data) return Buffer.from(entry.data, "base64");
  if (!entry.file) return null;
  const bytes = files?.[entry.file];
  if (!bytes) throw errors.validation("The archive lacks a file the document names", [{ path, message: `${entry.file} is not in the archive` }]);
  return Buffer.from(bytes);
}

async function stage(orgId: number, purpose: string, buffer: Buffer, contentType: string, originalName: string | null, keys: string[]): Promise<Staged> {
  const storageKey = `${orgId}/${purpose}/${randomUUID()}`;
  keys.push(storageKey);
  await storage().put(storageKey, buffer, contentType);
  return { storageKey, contentType, size: buffer.length, originalName };
}

/**
 * Writes the files of the media and documents the org lacks (by name) to storage, checked against WhatsApp's limits
 * like an upload. Storage is not transactional: the caller removes `keys` when the transaction fails.
 */
export async function stageFiles(orgId: number, doc: ExportDocument, files?: Record<string, Uint8Array>): Promise<StagedFiles> {
  const staged: StagedFiles = { media: new Map(), documents: new Map(), keys: [] };
  const existingMedia = new Set((await mediaByNames(orgId, (doc.media ?? []).map((m) => m.name))).map((m) => lower(m.name)));
  const existingDocs = new Set((await documentsByTitles(orgId, (doc.documents ?? []).map((d) => d.title))).map((d) => lower(d.title)));
  try {
    for (const [i, m] of (doc.media ?? []).entries()) {
      if (existingMedia.has(lower(m.name)) || staged.media.has(lower(m.name))) continue;
      const buffer = bytesOf(m, files, `media.${i}`);
      if (!buffer) continue;
      const label = `Media "${m.name}": `;
      const { contentType, kind } = checkBotMedia(buffer, m.mimeType, label);
      const thumbBytes = m.thumbnail ? bytesOf(m.thumbnail, files, `media.${i}.thumbnail`) : null;
      const thumbnail = thumbBytes ? await stage(orgId, "bot-media", thumbBytes, checkThumbnail(thumbBytes, label), null, staged.keys) : null;
      const file = await stage(orgId, "bot-media", buffer, contentType, m.filename ?? null, staged.keys);
      staged.media.set(lower(m.name), { file, thumbnail, kind });
    }
    for (const [i, d] of (doc.documents ?? []).entries()) {
      if (existingDocs.has(lower(d.title)) || staged.documents.has(lower(d.title))) continue;
      const buffer = bytesOf(d, files, `documents.${i}`);
      if (buffer) staged.documents.set(lower(d.title), await stage(orgId, "bot-document", buffer, d.mimeType, d.filename ?? null, staged.keys));
    }
  } catch (e) {
    await Promise.all(staged.keys.map(removeObject));
    throw e;
  }
  return staged;
}

