import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id, ref, ts, tsvector, updatedAt } from "./_shared";
import { contacts } from "./contacts";
import { teams } from "./inbox";
import { organizations } from "./organizations";
import { users } from "./users";
import { whatsappAccounts } from "./whatsapp";

/**
 * BOT_HANDLING: the bot answers. OPEN: waiting for a human, nobody has it. HUMAN_HANDLING: an agent has it.
 * WAITING_FOR_CUSTOMER: the last word was ours. CLOSED: resolved; the next customer message opens a new conversation.
 */
export const conversationStatusEnum = pgEnum("conversation_status", ["BOT_HANDLING", "HUMAN_HANDLING", "OPEN", "WAITING_FOR_CUSTOMER", "CLOSED"]);

export const conversationPriorityEnum = pgEnum("conversation_priority", ["LOW", "NORMAL", "HIGH", "URGENT"]);

export const conversations = pgTable(
  "conversations",
  {
    id: id(),
    orgId: ref("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** Per-organization number shown to people (#1, #2, …). */
    displayId: integer("display_id").notNull(),
    contactId: ref("contact_id")
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    whatsappAccountId: ref("whatsapp_account_id").references(() => whatsappAccounts.id, { onDelete: "set null" }),
    status: conversationStatusEnum("status").notNull().default("OPEN"),
    assignedToId: ref("assigned_to_id").references(() => users.id, { onDelete: "set null" }),
    teamId: ref("team_id").references(() => teams.id, { onDelete: "set null" }),
    assignedAt: ts("assigned_at"),
    priority: conversationPriorityEnum("priority").notNull().default("NORMAL"),
    category: text("category"),
    unreadCount: integer("unread_count").notNull().default(0),
    lastMessageAt: ts("last_message_at"),
    /** Drives the 24-hour customer-service window. */
    lastCustomerMessageAt: ts("last_customer_message_at"),
    lastMessagePreview: text("last_message_preview"),
    lastMessageDirection: text("last_message_direction"),
    /** Click-to-WhatsApp ad referral or other origin of the conversation. */
    source: jsonb("source").$type<Record<string, unknown>>(),
    isSimulated: boolean("is_simulated").notNull().default(false),
    closedAt: ts("closed_at"),
    /** Hidden from the default views until then; a customer message wakes it up early. */
    snoozedUntil: ts("snoozed_until"),
    followUpAt: ts("follow_up_at"),
    followUpNote: text("follow_up_note"),
    followUpById: ref("follow_up_by_id").references(() => users.id, { onDelete: "set null" }),
    /** What the bot (or an agent returning it to the bot) wrote for the next person. */
    handoffSummary: text("handoff_summary"),
    /** First reply of a person after the conversation was opened (analytics: first response time). */
    firstResponseAt: ts("first_response_at"),
    /** Bumped on every change: realtime payloads carry it so clients can drop stale updates. */
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("conversations_org_display_key").on(t.orgId, t.displayId),
    // The inbox list: every view and sort is a range scan of one of these (activity = coalesce(lastMessageAt, createdAt)).
    index("conversations_org_status_activity_idx").on(t.orgId, t.status, sql`coalesce(${t.lastMessageAt}, ${t.createdAt}) desc`, sql`${t.id} desc`),
    index("conversations_org_assignee_activity_idx")
      .on(t.orgId, t.assignedToId, sql`coalesce(${t.lastMessageAt}, ${t.createdAt}) desc`, sql`${t.id} desc`)
      .where(sql`${t.status} <> 'CLOSED'`),
    index("conversations_org_open_activity_idx").on(t.orgId, sql`coalesce(${t.lastMessageAt}, ${t.createdAt}) desc`, sql`${t.id} desc`).where(sql`${t.status} <> 'CLOSED'`),
    index("conversations_org_open_created_idx").on(t.orgId, sql`${t.createdAt} desc`, sql`${t.id} desc`).where(sql`${t.status} <> 'CLOSED'`),
    index("conversations_org_waiting_idx").on(t.orgId, t.lastCustomerMessageAt, t.id).where(sql`${t.status} <> 'CLOSED' and ${t.lastMessageDirection} = 'INBOUND'`),
    index("conversations_org_contact_idx").on(t.orgId, t.contactId, sql`${t.createdAt} desc`),
    // Covering: the counts are an index-only scan.
    index("conversations_org_open_counts_idx")
      .on(t.orgId, t.assignedToId, t.teamId, t.status, t.unreadCount, t.lastMessageDirection, t.snoozedUntil)
      .where(sql`${t.status} <> 'CLOSED'`),
    // At most one conversation per contact is not closed: the rule that keeps bursts and albums in one thread.
    uniqueIndex("conversations_one_active_per_contact").on(t.orgId, t.contactId).where(sql`${t.status} <> 'CLOSED'`),
  ],
);

export const messageDirectionEnum = pgEnum("message_direction", ["INBOUND", "OUTBOUND"]);
export const messageStatusEnum = pgEnum("message_status", ["PENDING", "SENT", "DELIVERED", "READ", "FAILED", "RECEIVED"]);
export const messageTypeEnum = pgEnum("message_type", [
  "TEXT",
  "IMAGE",
  "AUDIO",
  "VIDEO",
  "DOCUMENT",
  "STICKER",
  "LOCATION",
  "CONTACTS",
  "INTERACTIVE",
  "BUTTON",
  "REACTION",
  "ORDER",
  "TEMPLATE",
  "SYSTEM",
  "UNSUPPORTED",
]);
export const senderTypeEnum = pgEnum("sender_type", ["CUSTOMER", "AGENT", "BOT", "SYSTEM", "CAMPAIGN", "API"]);

export type MessageMedia = {
  fileId?: number;
  waMediaId?: string;
  mimeType?: string;
  sha256?: string;
  filename?: string;
  caption?: string;
  size?: number;
  voice?: boolean;
  /** PENDING until the download job stores it; FAILED after the retries are spent. */
  status?: "PENDING" | "READY" | "FAILED";
  error?: string;
  /** Download attempts of inbound media (the job gives up after its queue's retries). */
  attempts?: number;
};

export const messages = pgTable(
  "messages",
  {
    id: id(),
    orgId: ref("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    conversationId: ref("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    whatsappAccountId: ref("whatsapp_account_id").references(() => whatsappAccounts.id, { onDelete: "set null" }),
    direction: messageDirectionEnum("direction").notNull(),
    type: messageTypeEnum("type").notNull(),
    body: text("body"),
    media: jsonb("media").$type<MessageMedia>(),
    /** Type-specific content as Meta sent it or as we sent it (location, contacts, interactive, template, order…). */
    content: jsonb("content").$type<Record<string, unknown>>(),
    /** Meta's wamid. */
    providerMessageId: text("provider_message_id"),
    replyToProviderId: text("reply_to_provider_id"),
    status: messageStatusEnum("status").notNull(),
    senderType: senderTypeEnum("sender_type").notNull(),
    senderUserId: ref("sender_user_id").references(() => users.id, { onDelete: "set null" }),
    templateName: text("template_name"),
    sentAt: ts("sent_at"),
    deliveredAt: ts("delivered_at"),
    readAt: ts("read_at"),
    failedAt: ts("failed_at"),
    errorCode: integer("error_code"),
    errorTitle: text("error_title"),
    errorDetails: text("error_details"),
    /** A failure no retry can fix (e.g. 131047 outside the window, number not on WhatsApp). */
    permanentFailure: boolean("permanent_failure").notNull().default(false),
    retryCount: integer("retry_count").notNull().default(0),
    discardedAt: ts("discarded_at"),
    pricing: jsonb("pricing").$type<Record<string, unknown>>(),
    hidden: boolean("hidden").notNull().default(false),
    /** An internal note of an agent: shown in the thread, never sent to WhatsApp. */
    isPrivate: boolean("is_private").notNull().default(false),
    /** Users @mentioned in a note. */
    mentions: bigint("mentions", { mode: "number" }).array(),
    /** Spanish and English full-text search over the body (and caption); generated by PostgreSQL. */
    search: tsvector("search").generatedAlwaysAs(
      sql`to_tsvector('spanish', coalesce(body, '') || ' ' || coalesce(media->>'caption', '')) || to_tsvector('english', coalesce(body, '') || ' ' || coalesce(media->>'caption', ''))`,
    ),
    /** When Meta says the customer wrote it (the webhook timestamp); createdAt is when we stored it. */
    providerTimestamp: ts("provider_timestamp"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("messages_conversation_created_idx").on(t.conversationId, t.createdAt, t.id),
    uniqueIndex("messages_account_provider_key").on(t.whatsappAccountId, t.providerMessageId).where(sql`${t.providerMessageId} is not null`),
    index("messages_search_idx").using("gin", t.search),
    // Message search reads the newest messages of the org first (db/queries/thread.ts).
    index("messages_org_created_idx").on(t.orgId, sql`${t.createdAt} desc`, sql`${t.id} desc`),
    index("messages_org_failed_idx").on(t.orgId, t.failedAt.desc()).where(sql`${t.status} = 'FAILED'`),
  ],
);

/** A status that arrived before our own send was recorded: kept and applied when the message row gets its wamid. */
export const pendingStatuses = pgTable(
  "pending_statuses",
  {
    id: id(),
    whatsappAccountId: ref("whatsapp_account_id").notNull(),
    providerMessageId: text("provider_message_id").notNull(),
    status: text("status").notNull(),
    payload: jsonb("payload").notNull(),
    receivedAt: createdAt(),
  },
  (t) => [index("pending_statuses_lookup_idx").on(t.whatsappAccountId, t.providerMessageId)],
);
