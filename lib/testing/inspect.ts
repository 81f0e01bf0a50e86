import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLogs, memberships } from "@/db/schema";
import { getBoss } from "@/lib/jobs/boss";
import type { MailMessage } from "@/lib/mail/transport";

/** Takes the queued mails addressed to `to` (jobs are not run in tests, so mails wait in the queue). */
export async function takeMails(to: string) {
  const jobs = await (await getBoss()).fetch<MailMessage>("mail.send", { batchSize: 100 });
  return jobs.map((j) => j.data).filter((m) => m.to.toLowerCase() === to.toLowerCase());
}

export const auditOf = (orgId: number, action: string) =>
  getDb().select().from(auditLogs).where(and(eq(auditLogs.orgId, orgId), eq(auditLogs.action, action)));

export const membershipOf = async (orgId: number, userId: number) =>
  (await getDb().select().from(memberships).where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId))))[0];

let ipSeq = 0;
/** Public endpoints are rate limited per IP: each call gets its own address unless a test is about the limit. */
export const freshIp = () => `10.${100 + Math.floor(ipSeq / 62500)}.${Math.floor(ipSeq / 250) % 250}.${(ipSeq++ % 250) + 1}`;
