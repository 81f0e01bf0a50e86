import type { Tx } from "@/db/client";
import { insertNotifications, type NotificationRow } from "@/db/queries/notifications";
import { emit } from "@/lib/events/emit";

export type NotifyItem = {
  userId: number;
  type: NotificationRow["type"];
  conversationId?: number | null;
  messageId?: number | null;
  /** Who caused it; nobody is notified of their own action. */
  actorId?: number | null;
};

/**
 * Stores notifications and pushes each on the user's private channel (the browser shows it and plays a sound).
 * Inside a transaction, pass `tx`: the push then goes out only with `pushNotifications` after commit.
 */
export async function notify(orgId: number, items: NotifyItem[], tx?: Tx): Promise<NotificationRow[]> {
  const rows = await insertNotifications(
    items
      .filter((i) => i.userId !== i.actorId)
      .map((i) => ({ orgId, userId: i.userId, type: i.type, conversationId: i.conversationId ?? null, messageId: i.messageId ?? null, actorId: i.actorId ?? null })),
    tx,
  );
  if (!tx) pushNotifications(rows);
  return rows;
}

export function pushNotifications(rows: NotificationRow[]) {
  for (const n of rows) {
    emit("notification.created", { orgId: n.orgId, userId: n.userId, notificationId: n.id, type: n.type, conversationId: n.conversationId });
  }
}
