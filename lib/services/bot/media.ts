import { getDb } from "@/db/client";
import { findStoredFile } from "@/db/queries/files";
import {
  deleteFileRows,
  deleteMediaRow,
  findMedia,
  insertMedia,
  intentsUsingMedia,
  listMedia,
  mediaByNames,
  mediaNameTaken,
  updateMedia,
  type BotMediaRow,
} from "@/db/queries/bot-library";
import type { Ctx } from "@/lib/api/context";
import { AppError, errors, zodDetails } from "@/lib/api/errors";
import { emit } from "@/lib/events/emit";
import { deleteStoredFile, removeObject, storeFile } from "@/lib/services/files/store";
import { sniffContentType } from "@/lib/services/files/sniff";
import { checkMedia, MEDIA_LIMITS } from "@/lib/services/messages/media-limits";
import { storage } from "@/lib/storage";
import { z } from "zod";

/**
 * The bot's media library: files intents (and the LLM) send to customers, so WhatsApp's types and sizes apply at
 * upload. Videos get no server-side thumbnail (no ffmpeg): the client may send one in the `thumbnail` field.
 */

const MB = 1024 * 1024;
export const BOT_MEDIA_TYPES = [...MEDIA_LIMITS.image.types, ...MEDIA_LIMITS.video.types, ...MEDIA_LIMITS.audio.types, ...MEDIA_LIMITS.document.types];
export const BOT_MEDIA_MAX_BYTES = MEDIA_LIMITS.document.maxBytes;
const THUMBNAIL_MAX_BYTES = 2 * MB;
const KIND = { image: "IMAGE", video: "VIDEO", audio: "AUDIO", document: "DOCUMENT" } as const;

/**
 * The stored type and kind of a bot media file (uploads and imports alike), within WhatsApp's limits: 415/413
 * otherwise. Images are judged by their bytes, not by the declared type (a renamed HTML file is no image).
 * `label` prefixes the messages that name the file (an import holds many).
 */
export function checkBotMedia(buffer: Buffer, declared: string, label = "") {
  const sniffed = sniffContentType(buffer);
  const contentType = sniffed ?? declared.split(";")[0].trim().toLowerCase();
  if (!sniffed && contentType.startsWith("image/")) throw errors.unsupportedMediaType(`${label}The file's content is not the image type it claims`);
  const type = checkMedia(contentType, buffer.length);
  if (type === "sticker") throw errors.unsupportedMediaType(`${label}Stickers (image/webp) cannot be bot media; use JPEG or PNG`);
  return { contentType, kind: KIND[type] };
}

/** A thumbnail's stored type: a JPEG or PNG image (by its bytes) of at most 2 MB. */
export function checkThumbnail(buffer: Buffer, label = "") {
  const type = sniffContentType(buffer);
  if (type !== "image/jpeg" && type !== "image/png") throw errors.unsupportedMediaType(`${label}The thumbnail must be a JPEG or PNG image`);
  if (buffer.length > THUMBNAIL_MAX_BYTES) throw errors.tooLarge(`${label}The thumbnail is larger than 2 MB`);
  return type;
}

export const mediaMetaSchema = z.strictObject({
  name: z.string().trim().min(1, "is required").max(120).optional(),
  description: z.string().trim().max(1000).nullable().optional(),
  tags: z.array(z.string().trim().min(1).max(40)).max(20).optional(),
});
export type MediaMeta = z.infer<typeof mediaMetaSchema>;

/** What describes a media item, in the API and in exports alike. */
export const mediaFields = ({ name, description, kind, mimeType, size, tags }: BotMediaRow) => ({ name, description, kind, mimeType, size, tags });

export const botMediaDto = (m: BotMediaRow) => ({
  id: String(m.id),
  ...mediaFields(m),
  url: `/api/v1/bot-config/media/${m.id}/file`,
  thumbnailUrl: m.thumbnailFileId || m.kind === "IMAGE" ? `/api/v1/bot-config/media/${m.id}/thumbnail` : null,
  createdAt: m.createdAt.toISOString(),
  updatedAt: m.updatedAt.toISOString(),
});

const changed = (orgId: number, id: number) => emit("bot.changed", { orgId, resource: "media", id });

export async function listBotMedia(ctx: Ctx) {
  return { data: (await listMedia(ctx.orgId)).map(botMediaDto) };
}

async function loadMedia(ctx: Pick<Ctx, "orgId">, id: number) {
  const row = await findMedia(ctx.orgId, id);
  if (!row) throw errors.notFound("Media");
  return row;
}

/** Tags arrive as repeated fields, a comma-separated string or a JSON array. */
function formTags(form: FormData): string[] | undefined {
  const values = form.getAll("tags").filter((v): v is string => typeof v === "string");
  if (!values.length) return undefined;
  if (values.length === 1 && values[0].trim().startsWith("[")) {
    try {
      const parsed: unknown = JSON.parse(values[0]);
      if (Array.isArray(parsed)) return parsed.map(String);
    } catch {
      throw errors.validation("Invalid tags", [{ path: "tags", message: "is not a JSON array" }]);
    }
  }
  return values.flatMap((v) => v.split(",")).map((t) => t.trim()).filter(Boolean);
}

function formMeta(form: FormData): MediaMeta {
  const text = (k: string) => {
    const v = form.get(k);
    return typeof v === "string" ? v : undefined;
  };
  const r = mediaMetaSchema.safeParse({ name: text("name") || undefined, description: text("description"), tags: formTags(form) });
  if (!r.success) throw errors.validation("Invalid media details", zodDetails(r.error));
  return r.data;
}

async function fileOf(form: FormData, field: string) {
  const file = form.get(field);
  if (!(file instanceof Blob) || file.size === 0) return null;
  const buffer = Buffer.from(await file.arrayBuffer());
  const originalName = "name" in file && typeof file.name === "string" && file.name ? file.name.slice(0, 255) : null;
  return { buffer, declared: file.type.split(";")[0].trim().toLowerCase(), originalName };
}

/** `wanted`, else (for a name taken from the file) the first free "wanted (n)"; the candidates are looked up at once. */
async function uniqueName(orgId: number, wanted: string, explicit: boolean) {
  const candidates = [wanted, ...Array.from({ length: explicit ? 0 : 98 }, (_, i) => `${wanted} (${i + 2})`)];
  const taken = new Set((await mediaByNames(orgId, candidates)).map((m) => m.name.toLowerCase()));
  if (!taken.has(wanted.toLowerCase())) return wanted;
  if (explicit) throw errors.conflict(`There is already a media file named "${wanted}"`, [{ path: "name", message: "is taken" }]);
  return candidates.find((n) => !taken.has(n.toLowerCase())) ?? `${wanted} ${Date.now()}`;
}

export async function uploadBotMedia(ctx: Ctx, form: FormData) {
  const meta = formMeta(form);
  const main = await fileOf(form, "file");
  if (!main) throw errors.validation('Attach the file in the "file" field', [{ path: "file", message: "is required" }]);
  const { contentType, kind } = checkBotMedia(main.buffer, main.declared);
  const thumb = await fileOf(form, "thumbnail");
  const thumbType = thumb ? checkThumbnail(thumb.buffer) : null;
  const baseName = meta.name ?? (main.originalName?.replace(/\.[^.]+$/, "").trim().slice(0, 120) || "media");
  const name = await uniqueName(ctx.orgId, baseName, !!meta.name);

  const file = await storeFile(ctx, { buffer: main.buffer, contentType, originalName: main.originalName, purpose: "bot-media" });
  const thumbnail = thumb && thumbType ? await storeFile(ctx, { buffer: thumb.buffer, contentType: thumbType, originalName: thumb.originalName, purpose: "bot-media" }).catch(async (e) => {
    await deleteStoredFile(ctx.orgId, file.id);
    throw e;
  }) : null;
  try {
    const row = await insertMedia({
      orgId: ctx.orgId,
      name,
      description: meta.description ?? null,
      kind,
      fileId: file.id,
      thumbnailFileId: thumbnail?.id ?? null,
      mimeType: contentType,
      size: main.buffer.length,
      tags: meta.tags ?? [],
      createdById: ctx.user?.id ?? null,
    });
    changed(ctx.orgId, row.id);
    return botMediaDto(row);
  } catch (e) {
    await deleteStoredFile(ctx.orgId, file.id);
    if (thumbnail) await deleteStoredFile(ctx.orgId, thumbnail.id);
    throw e;
  }
}

export async function updateBotMedia(ctx: Ctx, id: number, patch: MediaMeta) {
  await loadMedia(ctx, id);
  if (patch.name && (await mediaNameTaken(ctx.orgId, patch.name, id))) throw errors.conflict(`There is already a media file named "${patch.name}"`, [{ path: "name", message: "is taken" }]);
  const row = await updateMedia(ctx.orgId, id, patch);
  if (!row) throw errors.notFound("Media");
  changed(ctx.orgId, id);
  return botMediaDto(row);
}

/**
 * Refused (422 MEDIA_IN_USE, with the intents named) while an intent sends it: silently dropping the media from an
 * intent would change what the bot answers without anyone noticing.
 */
export async function deleteBotMedia(ctx: Ctx, id: number) {
  const keys = await getDb().transaction(async (tx) => {
    const row = await findMedia(ctx.orgId, id, tx);
    if (!row) throw errors.notFound("Media");
    const users = await intentsUsingMedia(ctx.orgId, id, tx);
    if (users.length) {
      throw new AppError(
        "MEDIA_IN_USE",
        422,
        `Intents send this file (${users.map((u) => u.name).join(", ")}); pick another file in them first`,
        users.map((u) => ({ path: `intents.${u.id}`, message: `${u.configName} → ${u.name}` })),
      );
    }
    await deleteMediaRow(ctx.orgId, id, tx);
    const files = await deleteFileRows(ctx.orgId, [row.fileId, row.thumbnailFileId].filter((v): v is number => !!v), tx);
    return files.map((f) => f.storageKey);
  });
  await Promise.all(keys.map(removeObject));
  changed(ctx.orgId, id);
}

function serve(body: Buffer, contentType: string, filename: string | null) {
  const inline = /^(image|video|audio)\//.test(contentType);
  const name = encodeURIComponent(filename ?? "file");
  return new Response(new Uint8Array(body), {
    headers: {
      "content-type": contentType,
      "content-length": String(body.length),
      "content-disposition": `${inline ? "inline" : "attachment"}; filename*=UTF-8''${name}`,
      "cache-control": "private, max-age=300",
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
    },
  });
}

async function readStored(orgId: number, fileId: number) {
  const file = await findStoredFile(orgId, fileId);
  const body = file ? await storage().get(file.storageKey) : null;
  if (!file || !body) throw errors.notFound("Media file");
  return { file, body };
}

export async function botMediaFile(ctx: Ctx, id: number) {
  const row = await loadMedia(ctx, id);
  const { file, body } = await readStored(ctx.orgId, row.fileId);
  return serve(body, row.mimeType, file.originalName ?? row.name);
}

/** The uploaded thumbnail; an image is its own thumbnail; a video without one, or audio and documents, have none. */
export async function botMediaThumbnail(ctx: Ctx, id: number) {
  const row = await loadMedia(ctx, id);
  const fileId = row.thumbnailFileId ?? (row.kind === "IMAGE" ? row.fileId : null);
  if (!fileId) {
    const message =
      row.kind === "VIDEO"
        ? "This video has no thumbnail: thumbnails are not generated on the server; upload one in the `thumbnail` field with the video"
        : `A ${row.kind.toLowerCase()} file has no thumbnail`;
    throw new AppError("NOT_FOUND", 404, message);
  }
  const { file, body } = await readStored(ctx.orgId, fileId);
  return serve(body, file.contentType, file.originalName);
}
