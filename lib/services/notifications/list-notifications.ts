import { countUnreadNotifications, listUserNotifications, type NotificationListRow } from "@/db/queries/notifications";
import type { Ctx } from "@/lib/api/context";
import type { NotificationDto } from "@/lib/api/contracts/inbox-schemas";
import { errors } from "@/lib/api/errors";
import { fileUrl } from "@/lib/services/identity/dto";
import { idCursor, pageOut } from "@/lib/services/messages/list-messages";

export function notificationDto(r: NotificationListRow): NotificationDto {
  const n = r.notification;
  return {
    id: String(n.id),
    type: n.type,
    conversationId: n.conversationId === null ? null : String(n.conversationId),
    conversationDisplayId: r.displayId,
    messageId: n.messageId === null ? null : String(n.messageId),
    actor: r.actor ? { id: String(r.actor.id), name: r.actor.name, avatarUrl: fileUrl(r.actor.avatarFileId) } : null,
    preview: r.preview,
    readAt: n.readAt?.toISOString() ?? null,
    createdAt: n.createdAt.toISOString(),
  };
}

/** The caller's own notifications in this org, newest first, with the number still unread. */
export async function listNotifications(ctx: Ctx, query: { unread?: boolean; cursor?: string; limit: number }) {
  if (!ctx.user) throw errors.forbidden("Notifications belong to a signed-in user");
  const beforeId = idCursor.decode(query.cursor);
  const [rows, unreadCount] = await Promise.all([
    listUserNotifications(ctx.orgId, ctx.user.id, { unreadOnly: query.unread, beforeId, limit: query.limit }),
    countUnreadNotifications(ctx.orgId, ctx.user.id),
  ]);
  const page = pageOut(rows, query.limit, (r) => r.notification.id);
  return { data: page.rows.map(notificationDto), nextCursor: page.nextCursor, unreadCount };
}
