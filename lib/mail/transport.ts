import nodemailer from "nodemailer";
import { insertDevMail } from "@/db/queries/mail";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

export type MailMessage = { to: string; subject: string; text: string; html?: string; orgId?: number | null };

let smtp: nodemailer.Transporter | undefined;

/** Delivers one mail: through SMTP when SMTP_URL is set, else into the dev mailbox (and the console). */
export async function deliverMail(message: MailMessage) {
  const { SMTP_URL, MAIL_FROM } = env();
  if (SMTP_URL) {
    smtp ??= nodemailer.createTransport(SMTP_URL);
    await smtp.sendMail({ from: MAIL_FROM, to: message.to, subject: message.subject, text: message.text, html: message.html });
    return;
  }
  await insertDevMail(message);
  log.info("dev mailbox: mail stored", { to: message.to, subject: message.subject, text: message.text });
}
