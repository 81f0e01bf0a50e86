import { bigint, index, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, id, ref } from "./_shared";
import { organizations } from "./organizations";

export const storedFiles = pgTable(
  "stored_files",
  {
    id: id(),
    orgId: ref("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    uploadedById: ref("uploaded_by_id"),
    storageKey: text("storage_key").notNull(),
    contentType: text("content_type").notNull(),
    size: bigint("size", { mode: "number" }).notNull(),
    originalName: text("original_name"),
    purpose: text("purpose").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("stored_files_org_idx").on(t.orgId)],
);
