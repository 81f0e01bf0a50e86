import { getDb } from "@/db/client";
import { recordOutbound } from "@/db/queries/conversations";
import { findConversationWithContact, insertMessage, updatePending, type ContactRow, type ConversationRow, type MessageRow } from "@/db/queries/outbound";
import type { Visibility } from "@/db/queries/inbox-conversations";
import { outboundMessageSchema, type OutboundMessageInput } from "@/lib/api/contracts/message-input";
import type { MessageDto } from "@/lib/api/contracts/messages";
import { errors, zodDetails } from "@/lib/api/errors";
import { emit } from "@/lib/events/emit";
import { enqueue } from "@/lib/jobs/boss";
import { isVisible } from "@/lib/services/conversations/access";
import { deleteStoredFile, storeFile } from "@/lib/services/files/store";
import { defaultSendingAccount } from "@/lib/services/whatsapp/accounts-core";
import { senderOf, sentBySystem, uploaderOf, type SendActor } from "./actor";
import { loadMessageDto } from "./dto";
import { prepareDraft, type Draft, type MediaUpload } from "./prepare";
import { assertWindowOpen } from "./window";

/**
 * THE outbound path. The inbox, the bot, campaigns and the API all send through sendMessage: validate → check the
 * 24-hour window → store the message PENDING and update the conversation in one transaction → emit → queue the
 * delivery job (lib/services/messages/send-worker.ts talks to the Graph API).
 */

export const SEND_QUEUE = "whatsapp.send";
export type SendJob = { messageId: number };

export type SendMessageInput = OutboundMessageInput & {
  conversationId: number | string;
  /** Media messages only: a file received by the caller (multipart upload), stored here once every check passed. */
  upload?: MediaUpload;
  /** Send from this number instead of the conversation's (send-to-phone names one). */
  whatsappAccountId?: number;
  /**
   * Send only while the conversation still has this status, checked under its lock (422 STATUS_CHANGED otherwise):
   * the bot passes BOT_HANDLING so that it never speaks after an agent took over, however close the two are.
   */
  requireStatus?: ConversationRow["status"];
  /** The inbox's sends: a conversation the person may not see answers 404 like a missing one. */
  visibleTo?: Visibility;
};

export type SentMessage = { message: MessageRow; dto: MessageDto; conversation: ConversationRow; contact: ContactRow };

function parseMessage(input: unknown) {
  const r = outboundMessageSchema.safeParse(input);
  if (!r.success) throw errors.validation("Invalid message", zodDetails(r.error));
  return r.data;
}

const toId = (v: number | string) => (typeof v === "number" ? v : /^\d{1,15}$/.test(v) ? Number(v) : NaN);

export async function sendMessage(actor: SendActor, input: SendMessageInput): Promise<MessageDto> {
  return (await sendOutbound(actor, input)).dto;
}

/** sendMessage with the rows behind the answer (template sends report the conversation and the contact). */
export async function sendOutbound(actor: SendActor, input: SendMessageInput): Promise<SentMessage> {
  const { conversationId: rawId, upload, whatsappAccountId, requireStatus, visibleTo, ...rest } = input;
  const message = parseMessage(rest);
  const orgId = actor.orgId;
  const conversationId = toId(rawId);
  const found = Number.isFinite(conversationId) ? await findConversationWithContact(orgId, conversationId) : undefined;
  if (!found || (visibleTo && !isVisible(visibleTo, found.conversation))) throw errors.notFound("Conversation");

  const preferLanguage = "org" in actor ? actor.org.locale : undefined;
  const draft = await prepareDraft(orgId, conversationId, message, { upload, preferLanguage });
  // Checked before an upload is stored; checked again under the conversation's lock below.
  if (draft.freeForm) assertWindowOpen(found.conversation.lastCustomerMessageAt);
  const accountId = whatsappAccountId ?? found.conversation.whatsappAccountId ?? (await defaultSendingAccount(orgId)).id;

  const stored = draft.upload
    ? await storeFile(uploaderOf(actor), { buffer: draft.upload.buffer, contentType: draft.upload.contentType, originalName: draft.upload.originalName, purpose: "outbound-media" })
    : null;
  if (stored) draft.media = { ...draft.media, fileId: stored.id };
  const saved = await save(actor, conversationId, accountId, draft, requireStatus).catch(async (e: unknown) => {
    // Nothing refers to the upload unless the message row committed.
    if (stored) await deleteStoredFile(orgId, stored.id);
    throw e;
  });

  emit("message.created", { orgId, conversationId, messageId: saved.message.id, direction: "OUTBOUND" });
  if (draft.type !== "REACTION") emit("conversation.updated", { orgId, conversationId, version: saved.conversation.version });
  const queued = await queueDelivery(saved.message);
  return { ...saved, message: queued, dto: await loadMessageDto(orgId, queued) };
}

/** The message row and the conversation update, in one transaction under the conversation's lock. */
async function save(actor: SendActor, conversationId: number, accountId: number, draft: Draft, requireStatus?: ConversationRow["status"]) {
  const orgId = actor.orgId;
  const { senderType, senderUserId } = senderOf(actor);
  const now = new Date();
  return getDb().transaction(async (tx) => {
    const locked = await findConversationWithContact(orgId, conversationId, tx, true);
    if (!locked) throw errors.notFound("Conversation");
    if (requireStatus && locked.conversation.status !== requireStatus) {
      throw errors.rule("STATUS_CHANGED", `The conversation is ${locked.conversation.status}, no longer ${requireStatus}`);
    }
    if (draft.freeForm) assertWindowOpen(locked.conversation.lastCustomerMessageAt, now);
    const message = await insertMessage(
      {
        orgId,
        conversationId,
        whatsappAccountId: accountId,
        direction: "OUTBOUND",
        type: draft.type,
        body: draft.body,
        media: draft.media,
        content: draft.content,
        replyToProviderId: draft.replyToProviderId,
        templateName: draft.templateName,
        status: "PENDING",
        senderType,
        senderUserId,
        createdAt: now,
      },
      tx,
    );
    // A reaction is not a reply: the conversation's status and last message stay as they are.
    const conversation =
      draft.type === "REACTION" ? locked.conversation : await recordOutbound(tx, conversationId, { at: now, preview: draft.preview.slice(0, 200), bySystem: sentBySystem(actor) });
    return { message, conversation, contact: locked.contact };
  });
}

/**
 * Queues the delivery job. If the queue cannot take it, the message is marked FAILED (retryable by hand) rather than
 * left PENDING forever, and the caller hears about it.
 */
export async function queueDelivery(message: MessageRow): Promise<MessageRow> {
  try {
    await enqueue(SEND_QUEUE, { messageId: message.id } satisfies SendJob, { singletonKey: String(message.id) });
    return message;
  } catch (e) {
    await updatePending(message.id, { status: "FAILED", failedAt: new Date(), errorTitle: "Could not queue the message for sending" });
    emit("message.updated", { orgId: message.orgId, conversationId: message.conversationId, messageId: message.id, status: "FAILED" });
    throw e;
  }
}
