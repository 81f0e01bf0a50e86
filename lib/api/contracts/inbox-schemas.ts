import { z } from "zod";
import { conversationPriorityEnum, conversationStatusEnum } from "@/db/schema/conversations";
import { notificationTypeEnum, teamRoleEnum } from "@/db/schema/inbox";
import { idString, iso } from "../contract";
import { presenceSchema } from "./schemas";

/** Response shapes of the agent inbox (conversations, tags, quick replies, teams, notifications). */

export const conversationStatusSchema = z.enum(conversationStatusEnum.enumValues);
export const conversationPrioritySchema = z.enum(conversationPriorityEnum.enumValues);
export const teamRoleSchema = z.enum(teamRoleEnum.enumValues);

export const tagRefSchema = z.object({ id: idString, name: z.string(), color: z.string() });
export const personRefSchema = z.object({ id: idString, name: z.string(), avatarUrl: z.string().nullable() });

export const conversationSchema = z.object({
  id: idString,
  displayId: z.number().int().describe("per-organization number shown to people (#12)"),
  status: conversationStatusSchema,
  priority: conversationPrioritySchema,
  category: z.string().nullable(),
  unreadCount: z.number().int(),
  contact: z.object({ id: idString, waId: z.string(), name: z.string().nullable(), profileName: z.string().nullable() }),
  assignee: personRefSchema.nullable(),
  team: z.object({ id: idString, name: z.string(), color: z.string().nullable() }).nullable(),
  tags: z.array(tagRefSchema),
  lastMessageAt: iso.nullable(),
  lastCustomerMessageAt: iso.nullable(),
  lastMessagePreview: z.string().nullable(),
  lastMessageDirection: z.enum(["INBOUND", "OUTBOUND"]).nullable(),
  windowExpiresAt: iso.nullable().describe("end of the 24-hour customer-service window; null when it never opened"),
  snoozedUntil: iso.nullable(),
  followUp: z.object({ at: iso, note: z.string().nullable(), by: personRefSchema.nullable() }).nullable(),
  handoffSummary: z.string().nullable(),
  whatsappAccountId: idString.nullable(),
  isSimulated: z.boolean(),
  source: z.record(z.string(), z.unknown()).nullable(),
  assignedAt: iso.nullable(),
  closedAt: iso.nullable(),
  createdAt: iso,
  updatedAt: iso,
  version: z.number().int().describe("bumped on every change; realtime events carry it"),
});
export type ConversationDto = z.infer<typeof conversationSchema>;

export const tagSchema = z.object({
  id: idString,
  name: z.string(),
  color: z.string(),
  description: z.string().nullable(),
  conversationCount: z.number().int().describe("conversations that are not closed carrying the tag"),
  createdAt: iso,
  updatedAt: iso,
});
export type TagDto = z.infer<typeof tagSchema>;

export const quickReplySchema = z.object({
  id: idString,
  shortcut: z.string().describe('typed after "/" in the composer'),
  title: z.string(),
  body: z.string().describe("may hold placeholders: {{name}}, {{first_name}}, {{phone}}, {{agent}}, {{org}}"),
  category: z.string().nullable(),
  isActive: z.boolean(),
  media: z.object({ url: z.string(), mimeType: z.string(), filename: z.string().nullable(), size: z.number().int() }).nullable(),
  usageCount: z.number().int(),
  createdAt: iso,
  updatedAt: iso,
});
export type QuickReplyDto = z.infer<typeof quickReplySchema>;

export const teamSchema = z.object({
  id: idString,
  name: z.string(),
  description: z.string().nullable(),
  color: z.string().nullable(),
  isActive: z.boolean(),
  memberCount: z.number().int(),
  createdAt: iso,
  updatedAt: iso,
});
export const teamMemberSchema = z.object({
  userId: idString,
  name: z.string(),
  email: z.string(),
  avatarUrl: z.string().nullable(),
  status: presenceSchema,
  role: teamRoleSchema,
  joinedAt: iso,
});
export const teamDetailSchema = teamSchema.extend({ members: z.array(teamMemberSchema) });
export type TeamDto = z.infer<typeof teamSchema>;
export type TeamDetailDto = z.infer<typeof teamDetailSchema>;

export const notificationSchema = z.object({
  id: idString,
  type: z.enum(notificationTypeEnum.enumValues),
  conversationId: idString.nullable(),
  conversationDisplayId: z.number().int().nullable(),
  messageId: idString.nullable(),
  actor: personRefSchema.nullable(),
  preview: z.string().nullable(),
  readAt: iso.nullable(),
  createdAt: iso,
});
export type NotificationDto = z.infer<typeof notificationSchema>;
