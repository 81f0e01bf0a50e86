import { boolean, index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id, ref, ts, updatedAt } from "./_shared";

export const planEnum = pgEnum("plan", ["FREE", "STARTER", "PROFESSIONAL", "ENTERPRISE"]);
export const orgStatusEnum = pgEnum("org_status", ["ACTIVE", "SUSPENDED", "CANCELLED"]);

export type FeatureFlags = Record<string, boolean>;

export const organizations = pgTable(
  "organizations",
  {
    id: id(),
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    plan: planEnum("plan").notNull().default("FREE"),
    status: orgStatusEnum("status").notNull().default("ACTIVE"),
    timezone: text("timezone").notNull().default("America/Mexico_City"),
    locale: text("locale").notNull().default("es"),
    logoFileId: ref("logo_file_id"),
    brandColor: text("brand_color"),
    featureFlags: jsonb("feature_flags").$type<FeatureFlags>().notNull().default({}),
    aiAnalyticsEnabled: boolean("ai_analytics_enabled").notNull().default(false),
    onboardingCompletedAt: ts("onboarding_completed_at"),
    /** Last conversation displayId handed out; incremented under the org row's lock. */
    conversationSeq: integer("conversation_seq").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("organizations_slug_key").on(t.slug), index("organizations_created_at_idx").on(t.createdAt)],
);
