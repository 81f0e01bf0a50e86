import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id, ref, ts, updatedAt } from "./_shared";
import { organizations } from "./organizations";

export const waAccountStatusEnum = pgEnum("wa_account_status", ["CONNECTED", "DISCONNECTED", "ERROR"]);

/**
 * A WhatsApp Business phone number of an organization. One Meta app serves every tenant: webhooks are routed by
 * phone_number_id, which is unique across the platform. The sandbox number is a row too (isSandbox), talking to the
 * built-in Graph simulator instead of Meta.
 */
export const whatsappAccounts = pgTable(
  "whatsapp_accounts",
  {
    id: id(),
    orgId: ref("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    wabaId: text("waba_id").notNull(),
    phoneNumberId: text("phone_number_id").notNull(),
    displayPhoneNumber: text("display_phone_number"),
    verifiedName: text("verified_name"),
    alias: text("alias"),
    /** AES-256-GCM (lib/crypto/secrets.ts); never returned by the API. */
    accessTokenEncrypted: text("access_token_encrypted").notNull(),
    isSandbox: boolean("is_sandbox").notNull().default(false),
    status: waAccountStatusEnum("status").notNull().default("CONNECTED"),
    qualityRating: text("quality_rating"),
    messagingLimitTier: text("messaging_limit_tier"),
    /** Messages per second Meta allows this number (80 by default, up to 1,000). */
    throughputMps: integer("throughput_mps").notNull().default(80),
    lastHealthAt: ts("last_health_at"),
    lastError: text("last_error"),
    deletedAt: ts("deleted_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("whatsapp_accounts_phone_number_id_key").on(t.phoneNumberId).where(sql`${t.deletedAt} is null`),
    index("whatsapp_accounts_org_idx").on(t.orgId),
  ],
);

/** Per-org Meta app settings for Embedded Signup (the app secret stays platform-wide in the environment). */
export const metaAppConfigs = pgTable("meta_app_configs", {
  orgId: ref("org_id")
    .primaryKey()
    .references(() => organizations.id, { onDelete: "cascade" }),
  appId: text("app_id").notNull(),
  configId: text("config_id").notNull(),
  updatedAt: updatedAt(),
});

export const accountAlerts = pgTable(
  "account_alerts",
  {
    id: id(),
    orgId: ref("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    whatsappAccountId: ref("whatsapp_account_id").references(() => whatsappAccounts.id, { onDelete: "cascade" }),
    /** e.g. TOKEN_INVALID, PERMISSION_DENIED, QUALITY_DOWNGRADE, TEMPLATE_REJECTED, TEMPLATE_PAUSED, UNKNOWN_NUMBER */
    type: text("type").notNull(),
    severity: text("severity").notNull().default("warning"),
    title: text("title").notNull(),
    message: text("message").notNull(),
    metadata: jsonb("metadata").$type<Record<string, unknown>>(),
    acknowledgedAt: ts("acknowledged_at"),
    acknowledgedById: ref("acknowledged_by_id"),
    createdAt: createdAt(),
  },
  (t) => [index("account_alerts_org_idx").on(t.orgId, t.acknowledgedAt, t.createdAt)],
);

export const webhookEventStatusEnum = pgEnum("webhook_event_status", ["PENDING", "PROCESSED", "FAILED", "UNROUTABLE", "UNEXPECTED"]);

/** Every signed webhook delivery, stored raw before anything else happens, so nothing Meta sent is ever lost. */
export const webhookEvents = pgTable(
  "webhook_events",
  {
    id: id(),
    payload: jsonb("payload").notNull(),
    status: webhookEventStatusEnum("status").notNull().default("PENDING"),
    /** Set once routed; null while unknown (and for numbers no organization owns). */
    orgId: ref("org_id"),
    error: text("error"),
    attempts: integer("attempts").notNull().default(0),
    receivedAt: createdAt(),
    processedAt: ts("processed_at"),
  },
  (t) => [index("webhook_events_status_idx").on(t.status, t.receivedAt)],
);
