import { listDevMails } from "@/db/queries/mail";
import type { Ctx } from "@/lib/api/context";
import { errors } from "@/lib/api/errors";
import { env, isProduction } from "@/lib/env";

/** The dev mailbox exists only while mail is not really sent, and never in production unless DEV_MAILBOX=true. */
export function devMailboxEnabled() {
  return !env().SMTP_URL && (!isProduction() || env().DEV_MAILBOX === "true");
}

export async function readDevMailbox(ctx: Ctx, q: { to?: string; limit: number }) {
  if (!devMailboxEnabled()) throw errors.notFound("Dev mailbox");
  // Super admins see every mail; org admins see the mails their org sent.
  const rows = await listDevMails({ orgId: ctx.user?.isSuperAdmin ? undefined : ctx.orgId, to: q.to, limit: q.limit });
  return {
    data: rows.map((m) => ({ id: String(m.id), to: m.to, subject: m.subject, text: m.text, html: m.html, createdAt: m.createdAt.toISOString() })),
  };
}
