import { z } from "zod";
import { defineContract, idRef, queryBoolean } from "../contract";
import { notificationSchema } from "./inbox-schemas";

const tags = ["Notifications"] as const;

export const listNotifications = defineContract({
  method: "GET",
  path: "/notifications",
  summary: "List the caller's notifications",
  description: "Newest first: mentions in notes, conversations assigned to the caller, follow-ups due. `unreadCount` counts all unread ones.",
  tags,
  access: "user",
  permission: "notifications.read",
  query: z.strictObject({
    unread: queryBoolean.optional().describe("true: only unread ones"),
    cursor: z.string().trim().min(1).max(64).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  }),
  response: z.object({ data: z.array(notificationSchema), nextCursor: z.string().nullable(), unreadCount: z.number().int() }),
});

export const markNotificationsRead = defineContract({
  method: "POST",
  path: "/notifications/read",
  summary: "Mark the caller's notifications read",
  description: "Without `ids`, every unread notification of the caller in this organization. Ids of other people's notifications are ignored.",
  tags,
  access: "user",
  permission: "notifications.read",
  body: z.strictObject({ ids: z.array(idRef).min(1).max(500).optional() }),
  example: { ids: ["12", "15"] },
  status: 204,
});
