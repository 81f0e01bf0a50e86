import { errors } from "@/lib/api/errors";

export type MediaType = "image" | "audio" | "video" | "document" | "sticker";

const MB = 1024 * 1024;

/** WhatsApp Cloud API media limits (https://developers.facebook.com/docs/whatsapp/cloud-api/reference/media#supported-media-types). */
export const MEDIA_LIMITS: Record<MediaType, { types: readonly string[]; maxBytes: number; label: string }> = {
  image: { types: ["image/jpeg", "image/png"], maxBytes: 5 * MB, label: "5 MB" },
  audio: { types: ["audio/aac", "audio/amr", "audio/mpeg", "audio/mp4", "audio/ogg"], maxBytes: 16 * MB, label: "16 MB" },
  video: { types: ["video/mp4", "video/3gpp"], maxBytes: 16 * MB, label: "16 MB" },
  document: {
    types: [
      "application/pdf",
      "text/plain",
      "application/msword",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "application/vnd.ms-excel",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "application/vnd.ms-powerpoint",
      "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ],
    maxBytes: 100 * MB,
    label: "100 MB",
  },
  // 100 KB for a static sticker, 500 KB for an animated one; the file alone does not say which without decoding it.
  sticker: { types: ["image/webp"], maxBytes: 500 * 1024, label: "500 KB (100 KB if not animated)" },
};

export const MESSAGE_TYPE_OF: Record<MediaType, "IMAGE" | "AUDIO" | "VIDEO" | "DOCUMENT" | "STICKER"> = {
  image: "IMAGE",
  audio: "AUDIO",
  video: "VIDEO",
  document: "DOCUMENT",
  sticker: "STICKER",
};

const allowedList = (only?: MediaType) =>
  (only ? [only] : (Object.keys(MEDIA_LIMITS) as MediaType[])).map((t) => `${t}: ${MEDIA_LIMITS[t].types.join(", ")}`).join("; ");

/**
 * The WhatsApp media type a file is sent as, checked against WhatsApp's limits: a type it does not accept → 415 with
 * the allowed list; over the size limit → 413 with the limit.
 */
export function checkMedia(mimeType: string, size: number, requested?: MediaType): MediaType {
  const mime = mimeType.split(";")[0].trim().toLowerCase();
  const type = requested ?? (Object.keys(MEDIA_LIMITS) as MediaType[]).find((t) => MEDIA_LIMITS[t].types.includes(mime));
  if (!type || !MEDIA_LIMITS[type].types.includes(mime)) {
    throw errors.unsupportedMediaType(`WhatsApp does not accept ${mime || "this file type"}${requested ? ` as ${requested}` : ""}; allowed: ${allowedList(requested)}`);
  }
  if (size > MEDIA_LIMITS[type].maxBytes) throw errors.tooLarge(`The ${type} is larger than WhatsApp allows (${MEDIA_LIMITS[type].label})`);
  return type;
}

/** Captions exist only on images, videos and documents; filenames only on documents. */
export const takesCaption = (t: MediaType) => t === "image" || t === "video" || t === "document";
