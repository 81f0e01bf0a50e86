import { sql } from "drizzle-orm";
import { index, jsonb, pgEnum, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id, ref, ts, updatedAt } from "./_shared";
import { organizations } from "./organizations";
import { whatsappAccounts } from "./whatsapp";

export const templateStatusEnum = pgEnum("template_status", ["DRAFT", "PENDING", "APPROVED", "REJECTED", "PAUSED", "DISABLED", "REMOVED"]);
export const templateCategoryEnum = pgEnum("template_category", ["MARKETING", "UTILITY", "AUTHENTICATION"]);

/** Meta's component list as sent to and received from the Graph API (HEADER, BODY, FOOTER, BUTTONS). */
export type TemplateComponent = Record<string, unknown> & { type: string };

export const templates = pgTable(
  "templates",
  {
    id: id(),
    orgId: ref("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    whatsappAccountId: ref("whatsapp_account_id").references(() => whatsappAccounts.id, { onDelete: "set null" }),
    metaTemplateId: text("meta_template_id"),
    name: text("name").notNull(),
    language: text("language").notNull().default("es_MX"),
    category: templateCategoryEnum("category").notNull(),
    status: templateStatusEnum("status").notNull().default("DRAFT"),
    components: jsonb("components").$type<TemplateComponent[]>().notNull().default([]),
    rejectedReason: text("rejected_reason"),
    qualityScore: text("quality_score"),
    /** Our copy of the header image/video/document (stored_files), and Meta's upload handle for it. */
    headerMediaFileId: ref("header_media_file_id"),
    headerHandle: text("header_handle"),
    submittedAt: ts("submitted_at"),
    deletedAt: ts("deleted_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("templates_org_name_lang_key").on(t.orgId, t.name, t.language).where(sql`${t.deletedAt} is null`),
    index("templates_org_status_idx").on(t.orgId, t.status),
    index("templates_meta_id_idx").on(t.metaTemplateId),
  ],
);
