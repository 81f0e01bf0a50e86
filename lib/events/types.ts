/** Domain events emitted by services. Payloads are small: ids and what changed. */
export type DomainEvents = {
  "user.presence_changed": { orgId: number; userId: number; status: string };
  "user.updated": { orgId: number; userId: number };
  "user.deleted": { orgId: number; userId: number };
  "invitation.changed": { orgId: number; invitationId: number };
  "organization.updated": { orgId: number };
  "conversation.created": { orgId: number; conversationId: number };
  "conversation.updated": { orgId: number; conversationId: number; version: number };
  /** conversationStatus: set on INBOUND messages, the conversation's status once the message was stored (the bot trigger reads it instead of the row). */
  "message.created": { orgId: number; conversationId: number; messageId: number; direction: "INBOUND" | "OUTBOUND"; conversationStatus?: string };
  "message.updated": { orgId: number; conversationId: number; messageId: number; status: string };
  "tag.changed": { orgId: number; tagId: number };
  "quick_reply.changed": { orgId: number; quickReplyId: number };
  "team.changed": { orgId: number; teamId: number };
  "notification.created": { orgId: number; userId: number; notificationId: number; type: string; conversationId: number | null };
  "notification.read": { orgId: number; userId: number };
  "contact.updated": { orgId: number; contactId: number };
  "template.updated": { orgId: number; templateId: number; status: string };
  "whatsapp.alert": { orgId: number; alertId: number; type: string };
  "whatsapp.account_updated": { orgId: number; accountId: number };
  /** Anything of the bot builder changed (clients refetch that resource). */
  "bot.changed": { orgId: number; resource: BotResource; id: number | null };
  "bot.document_progress": { orgId: number; documentId: number; status: string; progress: number };
};
export type BotResource = "config" | "settings" | "intent" | "preset" | "document" | "media" | "tool" | "connection" | "snapshot" | "feedback";
export type EventName = keyof DomainEvents;
export type Listener<E extends EventName> = (payload: DomainEvents[E]) => Promise<void> | void;
