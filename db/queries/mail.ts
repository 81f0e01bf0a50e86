import { and, desc, eq, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { devMails } from "@/db/schema";

export async function insertDevMail(m: { to: string; subject: string; text: string; html?: string; orgId?: number | null }) {
  await getDb()
    .insert(devMails)
    .values({ to: m.to.toLowerCase(), subject: m.subject, text: m.text, html: m.html, orgId: m.orgId ?? null });
}

/** orgId undefined = every mail (super admins); otherwise only that org's mails. */
export async function listDevMails(opts: { orgId?: number; to?: string; limit: number }) {
  const where: SQL[] = [];
  if (opts.orgId !== undefined) where.push(eq(devMails.orgId, opts.orgId));
  if (opts.to) where.push(eq(devMails.to, opts.to.toLowerCase()));
  return getDb()
    .select()
    .from(devMails)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(devMails.id))
    .limit(opts.limit);
}
