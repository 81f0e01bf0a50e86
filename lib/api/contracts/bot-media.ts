import { z } from "zod";
import { BOT_MEDIA_MAX_BYTES, BOT_MEDIA_TYPES, mediaMetaSchema } from "@/lib/services/bot/media";
import { defineContract, idParams } from "../contract";
import { botAccess } from "./bot-access";
import { botMediaSchema } from "./bot-schemas";

/** The bot's media library (files intents send). */

const { read, manage } = botAccess("Bot builder");

export const listBotMedia = defineContract({
  ...read,
  method: "GET",
  path: "/bot-config/media",
  summary: "List bot media assets",
  response: z.object({ data: z.array(botMediaSchema) }),
});

export const uploadBotMedia = defineContract({
  ...manage,
  method: "POST",
  path: "/bot-config/media",
  summary: "Upload a bot media file",
  description:
    "multipart/form-data: `file` within WhatsApp's media limits (image JPEG/PNG 5 MB, judged by its bytes; audio AAC/AMR/MPEG/MP4/OGG " +
    "16 MB; video MP4/3GPP 16 MB; documents PDF/text/Office 100 MB; 415/413 otherwise), optional `name` (default: the file name; " +
    "409 when taken), `description`, `tags` (repeated, comma-separated or a JSON array) and, for videos, `thumbnail` (JPEG/PNG, " +
    "2 MB): thumbnails are not generated on the server.",
  multipart: { field: "file", maxBytes: BOT_MEDIA_MAX_BYTES, types: BOT_MEDIA_TYPES },
  response: botMediaSchema,
  status: 201,
});

export const updateBotMedia = defineContract({
  ...manage,
  method: "PATCH",
  path: "/bot-config/media/{id}",
  summary: "Update bot media metadata",
  params: idParams,
  tenantResource: "botMedia",
  body: mediaMetaSchema,
  example: { description: "Menu of the week" },
  response: botMediaSchema,
});

export const deleteBotMedia = defineContract({
  ...manage,
  method: "DELETE",
  path: "/bot-config/media/{id}",
  summary: "Delete a bot media file",
  description: "422 MEDIA_IN_USE (details name the intents) while an intent sends it: change those intents first.",
  params: idParams,
  tenantResource: "botMedia",
  status: 204,
});

export const botMediaFile = defineContract({
  ...read,
  method: "GET",
  path: "/bot-config/media/{id}/file",
  summary: "Serve bot media file for preview",
  description: "The file with its content type (images, video and audio inline, documents as attachments). Works from <img> with the session cookie.",
  params: idParams,
  tenantResource: "botMedia",
});

export const botMediaThumbnail = defineContract({
  ...read,
  method: "GET",
  path: "/bot-config/media/{id}/thumbnail",
  summary: "Serve video thumbnail image",
  description: "The thumbnail uploaded with the file; an image is its own thumbnail. 404 for a video uploaded without one (none is generated), audio and documents.",
  params: idParams,
  tenantResource: "botMedia",
});
