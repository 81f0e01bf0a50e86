import { index, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, id, ref } from "./_shared";

/** The dev mailbox: every mail sent while no SMTP server is configured. */
export const devMails = pgTable(
  "dev_mails",
  {
    id: id(),
    orgId: ref("org_id"),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html"),
    createdAt: createdAt(),
  },
  (t) => [index("dev_mails_to_idx").on(t.to, t.createdAt)],
);
