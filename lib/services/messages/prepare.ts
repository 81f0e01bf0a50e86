import { findStoredFile } from "@/db/queries/files";
import { findMessage } from "@/db/queries/messages";
import { findTemplatesById, findTemplatesByName, type MessageRow, type TemplateRow } from "@/db/queries/outbound";
import type { MessageMedia } from "@/db/schema";
import type { OutboundMessage, TemplateParameters } from "@/lib/api/contracts/message-input";
import { AppError, errors } from "@/lib/api/errors";
import { sniffContentType } from "@/lib/services/files/sniff";
import { interactiveObject } from "./build-payload";
import { checkMedia, MESSAGE_TYPE_OF, takesCaption, type MediaType } from "./media-limits";
import { resolveTemplate } from "./template-payload";

/** A message ready to be stored: everything the kind needs, checked, before the transaction starts. */
export type Draft = {
  type: MessageRow["type"];
  body: string | null;
  media: MessageMedia | null;
  content: Record<string, unknown> | null;
  templateName: string | null;
  replyToProviderId: string | null;
  /** The conversation list's one-line preview. */
  preview: string;
  /** Anything but a template needs the 24-hour window. */
  freeForm: boolean;
  /** An upload to store once every check passed (its file id then goes into media.fileId). */
  upload?: MediaUpload & { mediaType: MediaType };
};

export type MediaUpload = { buffer: Buffer; contentType: string; originalName?: string | null };

const invalid = (path: string, message: string) => errors.validation("Invalid message", [{ path, message }]);

/** A message of this conversation that WhatsApp knows (it has a wamid): what replies quote and reactions name. */
async function targetMessage(orgId: number, conversationId: number, messageId: number, path: string) {
  const target = await findMessage(orgId, messageId);
  if (!target) throw errors.notFound("Message");
  if (target.conversationId !== conversationId) throw invalid(path, "is not a message of this conversation");
  if (!target.providerMessageId) throw invalid(path, "has not reached WhatsApp yet (no WhatsApp id)");
  return target;
}

/**
 * The APPROVED template to send, by name (Meta's key) or by our numeric id. Missing, deleted or another org's → 404
 * NOT_FOUND like any tenant lookup; present but not approved → 422 TEMPLATE_NOT_APPROVED.
 */
export async function templateFor(orgId: number, nameOrId: string, language?: string, preferLanguage?: string): Promise<TemplateRow> {
  let rows = await findTemplatesByName(orgId, nameOrId, language);
  if (!rows.length && /^\d{1,15}$/.test(nameOrId)) rows = (await findTemplatesById(orgId, Number(nameOrId))).filter((t) => !language || t.language === language);
  if (!rows.length) throw new AppError("NOT_FOUND", 404, `Template "${nameOrId}"${language ? ` (${language})` : ""} not found`);
  const approved = rows.filter((t) => t.status === "APPROVED");
  if (!approved.length) throw new AppError("TEMPLATE_NOT_APPROVED", 422, `Template "${rows[0].name}" is ${rows[0].status}; only APPROVED templates can be sent`);
  const pref = preferLanguage?.toLowerCase();
  return (pref && approved.find((t) => t.language.toLowerCase().startsWith(pref))) || approved[0];
}

export async function templateDraft(orgId: number, t: TemplateRow, parameters?: TemplateParameters): Promise<Draft> {
  const resolved = resolveTemplate(t, parameters);
  let media: MessageMedia | null = null;
  const header = resolved.headerMedia;
  if (header?.fileId) {
    const file = await findStoredFile(orgId, header.fileId);
    if (!file) throw errors.notFound("Header media file");
    checkMedia(file.contentType, file.size, header.type);
    media = { fileId: file.id, mimeType: file.contentType, filename: header.filename ?? file.originalName ?? undefined, size: file.size, status: "READY" };
  }
  return {
    type: "TEMPLATE",
    body: resolved.rendered.body,
    media,
    content: { template: resolved.template, rendered: resolved.rendered, ...(header ? { headerMedia: header } : {}) },
    templateName: t.name,
    replyToProviderId: null,
    preview: resolved.rendered.body,
    freeForm: false,
  };
}

async function mediaDraft(orgId: number, m: Extract<OutboundMessage, { kind: "media" }>, upload?: MediaUpload): Promise<Draft> {
  let mediaType: MediaType;
  let media: MessageMedia;
  let pendingUpload: Draft["upload"];
  if (upload) {
    // The declared type of an upload is the client's word; for images the bytes say what it really is.
    const contentType = sniffContentType(upload.buffer) ?? upload.contentType;
    mediaType = checkMedia(contentType, upload.buffer.length, m.mediaType);
    pendingUpload = { ...upload, contentType, mediaType };
    media = { mimeType: contentType, filename: m.filename ?? upload.originalName ?? undefined, size: upload.buffer.length };
  } else if (m.fileId) {
    const file = await findStoredFile(orgId, m.fileId);
    if (!file) throw errors.notFound("File");
    mediaType = checkMedia(file.contentType, file.size, m.mediaType);
    media = { fileId: file.id, mimeType: file.contentType, filename: m.filename ?? file.originalName ?? undefined, size: file.size };
  } else {
    throw invalid("fileId", "is required (or upload a file)");
  }
  if (m.caption && !takesCaption(mediaType)) throw invalid("caption", `${mediaType} messages take no caption`);
  media = { ...media, status: "READY", ...(m.caption ? { caption: m.caption } : {}) };
  if (mediaType !== "document") delete media.filename;
  return {
    type: MESSAGE_TYPE_OF[mediaType],
    body: m.caption ?? null,
    media,
    content: null,
    templateName: null,
    replyToProviderId: null,
    preview: m.caption ? `📎 ${m.caption}` : `📎 ${mediaType}`,
    freeForm: true,
    upload: pendingUpload,
  };
}

/** Checks a message of any kind against its conversation and turns it into a draft row. */
export async function prepareDraft(
  orgId: number,
  conversationId: number,
  m: OutboundMessage,
  opts: { upload?: MediaUpload; preferLanguage?: string } = {},
): Promise<Draft> {
  if (opts.upload && m.kind !== "media") throw invalid("kind", "only media messages take a file");
  const replyTo = "replyToMessageId" in m && m.replyToMessageId ? await targetMessage(orgId, conversationId, m.replyToMessageId, "replyToMessageId") : null;
  const reply = { replyToProviderId: replyTo?.providerMessageId ?? null };
  const base = { media: null, content: null, templateName: null, freeForm: true };
  switch (m.kind) {
    case "text":
      return { ...base, ...reply, type: "TEXT", body: m.text, content: m.previewUrl ? { previewUrl: true } : null, preview: m.text };
    case "media":
      return { ...(await mediaDraft(orgId, m, opts.upload)), ...reply };
    case "interactive":
      return { ...base, ...reply, type: "INTERACTIVE", body: m.interactive.body, content: { interactive: interactiveObject(m.interactive) }, preview: m.interactive.body };
    case "template":
      return templateDraft(orgId, await templateFor(orgId, m.name, m.language, opts.preferLanguage), m.parameters);
    case "reaction": {
      const target = await targetMessage(orgId, conversationId, m.messageId, "messageId");
      return {
        ...base,
        type: "REACTION",
        body: m.emoji,
        content: { reaction: { message_id: target.providerMessageId, emoji: m.emoji }, targetMessageId: String(target.id) },
        replyToProviderId: target.providerMessageId,
        preview: m.emoji,
      };
    }
  }
}
