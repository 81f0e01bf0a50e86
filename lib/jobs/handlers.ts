import { deliverMail, type MailMessage } from "@/lib/mail/transport";
import type { QueueName } from "./boss";

/** What each queue's worker does with one job. */
export const HANDLERS: Record<QueueName, (data: never) => Promise<void>> = {
  "mail.send": (data: MailMessage) => deliverMail(data),
};
