import { and, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { conversations, messages, notifications, users } from "@/db/schema";

export type NotificationInsert = typeof notifications.$inferInsert;
export type NotificationRow = typeof notifications.$inferSelect;

export async function insertNotifications(rows: NotificationInsert[], tx: Tx = getDb()): Promise<NotificationRow[]> {
  if (!rows.length) return [];
  return tx.insert(notifications).values(rows).returning();
}

/** Joined for the list: who caused it, which conversation, and a line of text to show. */
export type NotificationListRow = {
  notification: NotificationRow;
  displayId: number | null;
  actor: { id: number; name: string; avatarFileId: number | null } | null;
  preview: string | null;
};

const mine = (orgId: number, userId: number) => and(eq(notifications.orgId, orgId), eq(notifications.userId, userId));

/** The user's notifications in this org, newest first; `limit + 1` rows so the caller knows whether more remain. */
export async function listUserNotifications(
  orgId: number,
  userId: number,
  page: { unreadOnly?: boolean; beforeId?: number; limit: number },
  tx: Tx = getDb(),
): Promise<NotificationListRow[]> {
  const rows = await tx
    .select({
      notification: notifications,
      displayId: conversations.displayId,
      actorId: users.id,
      actorName: users.name,
      actorAvatar: users.avatarFileId,
      preview: sql<string | null>`coalesce(left(${messages.body}, 200), case when ${notifications.type} = 'FOLLOW_UP_DUE' then ${conversations.followUpNote} end)`,
    })
    .from(notifications)
    .leftJoin(conversations, eq(conversations.id, notifications.conversationId))
    .leftJoin(messages, eq(messages.id, notifications.messageId))
    .leftJoin(users, eq(users.id, notifications.actorId))
    .where(
      and(
        mine(orgId, userId),
        page.unreadOnly ? isNull(notifications.readAt) : undefined,
        page.beforeId
          ? sql`(${notifications.createdAt}, ${notifications.id}) < (select b.created_at, b.id from notifications b where b.user_id = ${userId} and b.id = ${page.beforeId})`
          : undefined,
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(page.limit + 1);
  return rows.map((r) => ({
    notification: r.notification,
    displayId: r.displayId,
    actor: r.actorId !== null && r.actorName !== null ? { id: r.actorId, name: r.actorName, avatarFileId: r.actorAvatar } : null,
    preview: r.preview,
  }));
}

export async function countUnreadNotifications(orgId: number, userId: number, tx: Tx = getDb()): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(notifications)
    .where(and(mine(orgId, userId), isNull(notifications.readAt)));
  return row.n;
}

/** Marks the user's unread notifications read (only `ids` when given); returns how many changed. */
export async function markUserNotificationsRead(orgId: number, userId: number, ids: number[] | undefined, tx: Tx = getDb()): Promise<number> {
  const rows = await tx
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(mine(orgId, userId), isNull(notifications.readAt), ids ? inArray(notifications.id, ids) : undefined))
    .returning({ id: notifications.id });
  return rows.length;
}
