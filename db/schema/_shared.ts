import { bigint, customType, timestamp } from "drizzle-orm/pg-core";

/** bigint identity primary key; the CX API serializes it as a string, the Chatwoot-compatible API as a number. */
export const id = () => bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity();
export const ref = (name: string) => bigint(name, { mode: "number" });
export const createdAt = () => timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();
export const updatedAt = () =>
  timestamp("updated_at", { withTimezone: true, mode: "date" })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** PostgreSQL full-text document; columns of this type are generated from text columns. */
export const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });
