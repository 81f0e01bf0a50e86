import { sql } from "drizzle-orm";
import { boolean, index, integer, pgEnum, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id, ref, ts, updatedAt } from "./_shared";
import { organizations } from "./organizations";

export const roleEnum = pgEnum("role", ["ADMIN", "AGENT"]);
export const presenceEnum = pgEnum("presence_status", ["ONLINE", "AWAY", "BUSY", "OFFLINE"]);

export const users = pgTable(
  "users",
  {
    id: id(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash"),
    avatarFileId: ref("avatar_file_id"),
    isSuperAdmin: boolean("is_super_admin").notNull().default(false),
    presenceStatus: presenceEnum("presence_status").notNull().default("OFFLINE"),
    locale: text("locale"),
    writingAssist: boolean("writing_assist").notNull().default(true),
    /** Bumped on password change and deletion: every token and session minted before is void. */
    tokenVersion: integer("token_version").notNull().default(0),
    lastLoginAt: ts("last_login_at"),
    lastSeenAt: ts("last_seen_at"),
    deletedAt: ts("deleted_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("users_email_key").on(sql`lower(${t.email})`).where(sql`${t.deletedAt} is null`)],
);

export const memberships = pgTable(
  "memberships",
  {
    id: id(),
    orgId: ref("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: ref("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: roleEnum("role").notNull().default("AGENT"),
    deletedAt: ts("deleted_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("memberships_org_user_key").on(t.orgId, t.userId),
    index("memberships_user_idx").on(t.userId),
  ],
);
