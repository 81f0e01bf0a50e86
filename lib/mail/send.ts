import { enqueue } from "@/lib/jobs/boss";
import type { MailMessage } from "./transport";

/** Mail leaves through the job queue, so a slow or failing SMTP server never fails the request that caused it. */
export async function sendMail(message: MailMessage) {
  await enqueue("mail.send", message);
}
