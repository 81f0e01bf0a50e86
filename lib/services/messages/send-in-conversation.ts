import type { Ctx } from "@/lib/api/context";
import type { OutboundMessage } from "@/lib/api/contracts/message-input";
import { mediaTypeSchema } from "@/lib/api/contracts/message-input";
import type { MessageDto } from "@/lib/api/contracts/messages";
import { errors } from "@/lib/api/errors";
import { loadVisibleConversation, visibilityOf } from "@/lib/services/conversations/access";
import { checkMedia, MEDIA_LIMITS, type MediaType } from "./media-limits";
import { sendMessage } from "./send-message";

/**
 * The inbox's sends: the one outbound path, with the caller as the sender, on a conversation the caller may see (checked
 * on the row it reads anyway: 404 like a missing one).
 */
export async function sendInConversation(ctx: Ctx, conversationId: number, message: OutboundMessage): Promise<MessageDto> {
  return sendMessage(ctx, { ...message, conversationId, visibleTo: await visibilityOf(ctx) });
}

const field = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
};

const invalid = (path: string, message: string) => errors.validation("Invalid message", [{ path, message }]);

/** A multipart upload (`file`, `caption?`, `replyToMessageId?`, `mediaType?`) sent as a media message. */
export async function sendUploadedMedia(ctx: Ctx, conversationId: number, form: FormData): Promise<MessageDto> {
  await loadVisibleConversation(ctx, conversationId);
  const file = form.get("file");
  if (!(file instanceof Blob) || file.size === 0) throw invalid("file", "is required");
  const requested = field(form, "mediaType");
  const mediaType = requested === undefined ? undefined : mediaTypeSchema.safeParse(requested).data;
  if (requested !== undefined && !mediaType) throw invalid("mediaType", `must be one of ${mediaTypeSchema.options.join(", ")}`);
  const reply = field(form, "replyToMessageId");
  if (reply !== undefined && !/^\d{1,15}$/.test(reply)) throw invalid("replyToMessageId", "must be a numeric id");
  precheckSize(file, mediaType);

  const name = "name" in file && typeof file.name === "string" && file.name ? file.name.slice(0, 240) : undefined;
  return sendMessage(ctx, {
    conversationId,
    kind: "media",
    mediaType,
    caption: field(form, "caption"),
    filename: name,
    replyToMessageId: reply,
    upload: { buffer: Buffer.from(await file.arrayBuffer()), contentType: file.type || "application/octet-stream", originalName: name ?? null },
  });
}

/** A file whose declared type WhatsApp knows and that is too big for it is refused before it is read into memory. */
function precheckSize(file: Blob, requested?: MediaType) {
  const declared = file.type.split(";")[0].trim().toLowerCase();
  const known = requested ? MEDIA_LIMITS[requested].types.includes(declared) : Object.values(MEDIA_LIMITS).some((l) => l.types.includes(declared));
  if (known) checkMedia(declared, file.size, requested);
}
