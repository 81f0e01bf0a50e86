import { getDb } from "@/db/client";
import { insertMessage } from "@/db/queries/outbound";
import { listMembersByIds } from "@/db/queries/users";
import type { Ctx } from "@/lib/api/context";
import type { MessageDto } from "@/lib/api/contracts/messages";
import { errors } from "@/lib/api/errors";
import { emit } from "@/lib/events/emit";
import { loadVisibleConversation, membersWhoMaySee } from "@/lib/services/conversations/access";
import { notify, pushNotifications } from "@/lib/services/notifications/notify";
import { senderOf } from "./actor";
import { loadMessageDto } from "./dto";

export type NoteInput = { body: string; mentions?: number[] };

/**
 * An internal note: a message row agents see in the thread that never goes to WhatsApp. It leaves the conversation
 * alone (status, last message, window, unread), so the inbox keeps showing what the customer last said. Each
 * mentioned member of the org who may see the conversation gets a MENTION notification (the author excepted).
 */
export async function addNote(ctx: Ctx, conversationId: number, input: NoteInput): Promise<MessageDto> {
  const conversation = await loadVisibleConversation(ctx, conversationId);
  const mentions = [...new Set(input.mentions ?? [])];
  const members = await listMembersByIds(ctx.orgId, mentions);
  if (members.length !== mentions.length) throw errors.notFound("Mentioned user");
  const notifyIds = await membersWhoMaySee(ctx.orgId, members.map((m) => ({ userId: m.user.id, role: m.role })), conversation);

  const { senderType, senderUserId } = senderOf(ctx);
  const { message, notified } = await getDb().transaction(async (tx) => {
    const message = await insertMessage(
      {
        orgId: ctx.orgId,
        conversationId,
        whatsappAccountId: conversation.whatsappAccountId,
        direction: "OUTBOUND",
        type: "TEXT",
        body: input.body,
        status: "SENT",
        senderType,
        senderUserId,
        isPrivate: true,
        mentions,
      },
      tx,
    );
    const items = notifyIds.map((userId) => ({ userId, type: "MENTION" as const, conversationId, messageId: message.id, actorId: senderUserId }));
    return { message, notified: await notify(ctx.orgId, items, tx) };
  });
  emit("message.created", { orgId: ctx.orgId, conversationId, messageId: message.id, direction: "OUTBOUND" });
  pushNotifications(notified);
  return loadMessageDto(ctx.orgId, message);
}
