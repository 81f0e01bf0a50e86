import { randomBytes } from "node:crypto";
import type { SimContext } from "./context";
import { fail, invalidParam, json } from "./http";
import type { SimMedia } from "./state";

const MB = 1024 * 1024;
const DOCUMENT_TYPES = [
  "text/plain",
  "application/pdf",
  "application/msword",
  "application/vnd.ms-excel",
  "application/vnd.ms-powerpoint",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation",
];
/** What the Cloud API accepts, and up to which size (https://developers.facebook.com/docs/whatsapp/cloud-api/reference/media#supported-media-types). */
const LIMITS: [types: string[], maxBytes: number][] = [
  [["image/jpeg", "image/png"], 5 * MB],
  [["audio/aac", "audio/amr", "audio/mpeg", "audio/mp4", "audio/ogg"], 16 * MB],
  [["video/mp4", "video/3gpp"], 16 * MB],
  [["image/webp"], 500 * 1024],
  [DOCUMENT_TYPES, 100 * MB],
];
const ALLOWED = LIMITS.flatMap(([types]) => types);

export function checkMedia(mimeType: string, size: number) {
  const base = mimeType.split(";")[0].trim().toLowerCase();
  const limit = LIMITS.find(([types]) => types.includes(base));
  if (!limit) throw fail(131053, "Media upload error", { details: `Param file must be a file with one of the following types: ${ALLOWED.join(", ")}. Received file of type '${mimeType}'.` });
  if (size > limit[1]) throw fail(131053, "Media upload error", { details: `File of type ${base} is larger than ${limit[1]} bytes` });
  return base;
}

/** POST /{phone-number-id}/media (multipart: messaging_product, type, file) → {id}. */
export async function uploadMedia(ctx: SimContext, phoneNumberId: string, req: Request): Promise<Response> {
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    throw invalidParam("Send the media as multipart/form-data", "(#100) The parameter file is required.");
  }
  if (form.get("messaging_product") !== "whatsapp") throw invalidParam("messaging_product is required", "(#100) The parameter messaging_product is required.");
  const file = form.get("file");
  if (!file || typeof file === "string") throw invalidParam("file is required", "(#100) The parameter file is required.");
  const declared = form.get("type");
  const mimeType = checkMedia(typeof declared === "string" && declared ? declared : file.type, file.size);
  const media = ctx.state.putMedia({ bytes: Buffer.from(await file.arrayBuffer()), mimeType, filename: file.name, ownerPhoneNumberId: phoneNumberId });
  return json({ id: media.id });
}

export const mediaUrl = (ctx: SimContext, media: SimMedia) => `${ctx.publicUrl}/lookaside/${media.id}?mid=${media.id}&hash=${media.sha256.slice(0, 16)}`;

/** GET /{media-id} → {url, mime_type, sha256, file_size, id}. */
export function mediaInfo(ctx: SimContext, media: SimMedia) {
  return json({ messaging_product: "whatsapp", url: mediaUrl(ctx, media), mime_type: media.mimeType, sha256: media.sha256, file_size: media.bytes.length, id: media.id });
}

export function mediaBytes(media: SimMedia) {
  return new Response(new Uint8Array(media.bytes), {
    headers: { "content-type": media.mimeType, "content-length": String(media.bytes.length), "cache-control": "no-store" },
  });
}

/** POST /{app-id}/uploads?file_name&file_length&file_type → {id: "upload:…"} (Resumable Upload API, for template headers). */
export function startUpload(ctx: SimContext, url: URL) {
  const fileLength = Number(url.searchParams.get("file_length"));
  const fileType = url.searchParams.get("file_type") ?? "";
  if (!Number.isInteger(fileLength) || fileLength <= 0) throw invalidParam("file_length is required", "(#100) The parameter file_length is required.");
  if (!fileType) throw invalidParam("file_type is required", "(#100) The parameter file_type is required.");
  const id = `upload:${randomBytes(24).toString("base64url")}`;
  ctx.state.uploads.set(id, { id, fileName: url.searchParams.get("file_name") ?? "file", fileLength, fileType });
  return json({ id });
}

/** POST /{upload-id} with the bytes (header file_offset) → {h}: the handle a template header example carries. */
export async function finishUpload(ctx: SimContext, uploadId: string, req: Request) {
  const upload = ctx.state.uploads.get(uploadId);
  if (!upload) throw fail(100, "Invalid upload session", { subcode: 33 });
  if (Number(req.headers.get("file_offset") ?? 0) !== 0) throw invalidParam("The simulator accepts the whole file at offset 0");
  const bytes = Buffer.from(await req.arrayBuffer());
  if (bytes.length !== upload.fileLength) throw invalidParam(`Expected ${upload.fileLength} bytes, received ${bytes.length}`);
  const media = ctx.state.putMedia({ bytes, mimeType: upload.fileType, filename: upload.fileName });
  upload.handle = `4::${Buffer.from(`${upload.fileType}:${media.id}`).toString("base64url")}:${randomBytes(12).toString("base64url")}`;
  return json({ h: upload.handle });
}

/** GET /{upload-id} → where an interrupted upload would resume. */
export function uploadStatus(ctx: SimContext, uploadId: string) {
  const upload = ctx.state.uploads.get(uploadId);
  if (!upload) throw fail(100, "Invalid upload session", { subcode: 33 });
  return json({ id: upload.id, file_offset: upload.handle ? upload.fileLength : 0 });
}
