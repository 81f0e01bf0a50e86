import { sql } from "drizzle-orm";
import { boolean, index, jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id, ref, ts, updatedAt } from "./_shared";
import { organizations } from "./organizations";

export const contacts = pgTable(
  "contacts",
  {
    id: id(),
    orgId: ref("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    waId: text("wa_id").notNull(),
    name: text("name"),
    profileName: text("profile_name"),
    email: text("email"),
    category: text("category"),
    attributes: jsonb("attributes").$type<Record<string, unknown>>().notNull().default({}),
    lastMessageAt: ts("last_message_at"),
    /** Set when the customer was created by the sandbox simulator or /dev/simulate (cleaned up by /dev/simulate/cleanup). */
    isSimulated: boolean("is_simulated").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("contacts_org_wa_key").on(t.orgId, t.waId),
    index("contacts_org_updated_idx").on(t.orgId, t.updatedAt),
    // GET /contacts: most recent activity first, keyset-paginated on (activity, id).
    // Inbox search by name, profile name or number (pg_trgm: substring matches).
    index("contacts_search_trgm_idx").using("gin", sql`(coalesce(${t.name}, '') || ' ' || coalesce(${t.profileName}, '') || ' ' || ${t.waId}) gin_trgm_ops`),
    index("contacts_org_activity_idx").on(t.orgId, sql`coalesce(${t.lastMessageAt}, ${t.createdAt}) desc`, sql`${t.id} desc`),
  ],
);
