import { z } from "zod";
import { defineContract } from "../contract";

export const devMailbox = defineContract({
  method: "GET",
  path: "/dev/mailbox",
  summary: "Mails captured by the dev mailbox (no SMTP configured; admins, outside production)",
  tags: ["Dev"],
  access: "user",
  permission: "mailbox.read",
  query: z.strictObject({ to: z.string().max(254).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }),
  response: z.object({
    data: z.array(
      z.object({ id: z.string(), to: z.string(), subject: z.string(), text: z.string(), html: z.string().nullable(), createdAt: z.string() }),
    ),
  }),
});
