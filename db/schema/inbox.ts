import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id, ref, ts, updatedAt } from "./_shared";
import { conversations, messages } from "./conversations";
import { organizations } from "./organizations";
import { users } from "./users";

const orgRef = () =>
  ref("org_id")
    .notNull()
    .references(() => organizations.id, { onDelete: "cascade" });

/** Labels agents put on conversations. Names are unique per organization regardless of case. */
export const tags = pgTable(
  "tags",
  {
    id: id(),
    orgId: orgRef(),
    name: text("name").notNull(),
    /** One of the palette of GET /tags/colors. */
    color: text("color").notNull(),
    description: text("description"),
    createdById: ref("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("tags_org_name_key").on(t.orgId, sql`lower(${t.name})`)],
);

export const conversationTags = pgTable(
  "conversation_tags",
  {
    conversationId: ref("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    tagId: ref("tag_id")
      .notNull()
      .references(() => tags.id, { onDelete: "cascade" }),
    orgId: orgRef(),
    addedById: ref("added_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.conversationId, t.tagId] }), index("conversation_tags_tag_idx").on(t.tagId)],
);

export type QuickReplyMedia = { fileId: number; mimeType: string; filename: string | null; size: number };

/** Canned answers agents insert with "/shortcut". Placeholders ({{name}}, {{agent}}, …) are filled on insert. */
export const quickReplies = pgTable(
  "quick_replies",
  {
    id: id(),
    orgId: orgRef(),
    shortcut: text("shortcut").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    category: text("category"),
    isActive: boolean("is_active").notNull().default(true),
    media: jsonb("media").$type<QuickReplyMedia>(),
    usageCount: integer("usage_count").notNull().default(0),
    createdById: ref("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("quick_replies_org_shortcut_key").on(t.orgId, sql`lower(${t.shortcut})`)],
);

export const teams = pgTable(
  "teams",
  {
    id: id(),
    orgId: orgRef(),
    name: text("name").notNull(),
    description: text("description"),
    color: text("color"),
    isActive: boolean("is_active").notNull().default(true),
    /** Set by DELETE (soft delete): history keeps pointing at the team. */
    deactivatedAt: ts("deactivated_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  // A deactivated team frees its name.
  (t) => [uniqueIndex("teams_org_name_key").on(t.orgId, sql`lower(${t.name})`).where(sql`${t.isActive}`)],
);

export const teamRoleEnum = pgEnum("team_role", ["MEMBER", "LEAD"]);

export const teamMembers = pgTable(
  "team_members",
  {
    teamId: ref("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    userId: ref("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    orgId: orgRef(),
    role: teamRoleEnum("role").notNull().default("MEMBER"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index("team_members_user_idx").on(t.userId)],
);

export const notificationTypeEnum = pgEnum("notification_type", ["MENTION", "ASSIGNED", "FOLLOW_UP_DUE", "HANDOFF"]);

/** What an agent must see: a mention in a note, a conversation assigned to them. Pushed on private-user-{id}. */
export const notifications = pgTable(
  "notifications",
  {
    id: id(),
    orgId: orgRef(),
    userId: ref("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: notificationTypeEnum("type").notNull(),
    conversationId: ref("conversation_id").references(() => conversations.id, { onDelete: "cascade" }),
    messageId: bigint("message_id", { mode: "number" }).references(() => messages.id, { onDelete: "cascade" }),
    actorId: ref("actor_id").references(() => users.id, { onDelete: "set null" }),
    readAt: ts("read_at"),
    createdAt: createdAt(),
  },
  (t) => [index("notifications_user_idx").on(t.userId, sql`${t.createdAt} desc`, sql`${t.id} desc`)],
);
