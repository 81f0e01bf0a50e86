import { getDb, type Tx } from "@/db/client";
import { notifications } from "@/db/schema";

export type NotificationInsert = typeof notifications.$inferInsert;
export type NotificationRow = typeof notifications.$inferSelect;

export async function insertNotifications(rows: NotificationInsert[], tx: Tx = getDb()): Promise<NotificationRow[]> {
  if (!rows.length) return [];
  return tx.insert(notifications).values(rows).returning();
}
