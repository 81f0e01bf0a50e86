import { orgChannel, publish, userChannel } from "@/lib/realtime/publish";
import type { EventName, Listener } from "./types";

/** Side effects of domain events. Each event fans out to its listeners; none of them runs inside the service. */
export const LISTENERS: { [E in EventName]?: Listener<E>[] } = {
  "user.presence_changed": [(e) => publish([orgChannel(e.orgId)], "user.presence_changed", { userId: String(e.userId), status: e.status })],
  "user.updated": [(e) => publish([orgChannel(e.orgId)], "user.updated", { userId: String(e.userId) })],
  "user.deleted": [(e) => publish([orgChannel(e.orgId)], "user.deleted", { userId: String(e.userId) })],
  "invitation.changed": [(e) => publish([orgChannel(e.orgId)], "invitation.changed", { invitationId: String(e.invitationId) })],
  "organization.updated": [(e) => publish([orgChannel(e.orgId)], "organization.updated", { orgId: String(e.orgId) })],
  "conversation.created": [(e) => publish([orgChannel(e.orgId)], "conversation.created", { conversationId: String(e.conversationId) })],
  "conversation.updated": [
    (e) =>
      publish([orgChannel(e.orgId)], "conversation.updated", { conversationId: String(e.conversationId), version: e.version }, { coalesceKey: String(e.conversationId) }),
  ],
  "message.created": [
    (e) =>
      publish([orgChannel(e.orgId)], "message.created", {
        conversationId: String(e.conversationId),
        messageId: String(e.messageId),
        direction: e.direction,
      }),
    // The bot trigger: inbound messages of conversations the bot has queue a bot turn. Imported lazily: the engine
    // reaches back into services that emit events, and a static import would make a cycle.
    async (e) => (await import("@/lib/services/bot/engine/job")).onInboundMessage(e),
  ],
  "message.updated": [
    (e) =>
      publish(
        [orgChannel(e.orgId)],
        "message.updated",
        { conversationId: String(e.conversationId), messageId: String(e.messageId), status: e.status },
        // Statuses only move forward: the last one of a burst (sent → delivered → read) is the one that matters.
        { coalesceKey: String(e.messageId) },
      ),
  ],
  "tag.changed": [(e) => publish([orgChannel(e.orgId)], "tag.changed", { tagId: String(e.tagId) })],
  "quick_reply.changed": [(e) => publish([orgChannel(e.orgId)], "quick_reply.changed", { quickReplyId: String(e.quickReplyId) })],
  "team.changed": [(e) => publish([orgChannel(e.orgId)], "team.changed", { teamId: String(e.teamId) })],
  "notification.created": [
    (e) =>
      publish([userChannel(e.userId)], "notification.created", {
        notificationId: String(e.notificationId),
        type: e.type,
        conversationId: e.conversationId === null ? null : String(e.conversationId),
      }),
  ],
  // The user's other tabs refresh their badge.
  "notification.read": [(e) => publish([userChannel(e.userId)], "notification.read", {})],
  "contact.updated": [(e) => publish([orgChannel(e.orgId)], "contact.updated", { contactId: String(e.contactId) })],
  "template.updated": [(e) => publish([orgChannel(e.orgId)], "template.updated", { templateId: String(e.templateId), status: e.status })],
  "whatsapp.alert": [(e) => publish([orgChannel(e.orgId)], "whatsapp.alert", { alertId: String(e.alertId), type: e.type })],
  "whatsapp.account_updated": [(e) => publish([orgChannel(e.orgId)], "whatsapp.account_updated", { accountId: String(e.accountId) })],
  "bot.changed": [(e) => publish([orgChannel(e.orgId)], "bot.changed", { resource: e.resource, id: e.id === null ? null : String(e.id) })],
  "bot.document_progress": [
    (e) =>
      publish(
        [orgChannel(e.orgId)],
        "bot.document_progress",
        { documentId: String(e.documentId), status: e.status, progress: e.progress },
        { coalesceKey: String(e.documentId) },
      ),
  ],
};
