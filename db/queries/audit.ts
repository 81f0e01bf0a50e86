import { and, desc, eq, lt } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLogs } from "@/db/schema";
import type { Tx } from "@/db/client";

export type AuditInsert = typeof auditLogs.$inferInsert;

export async function insertAudit(entry: AuditInsert, tx: Tx = getDb()) {
  await tx.insert(auditLogs).values(entry);
}

export async function listAudit(orgId: number, opts: { limit: number; before?: number; action?: string }) {
  return getDb()
    .select()
    .from(auditLogs)
    .where(and(eq(auditLogs.orgId, orgId), opts.before ? lt(auditLogs.id, opts.before) : undefined, opts.action ? eq(auditLogs.action, opts.action) : undefined))
    .orderBy(desc(auditLogs.id))
    .limit(opts.limit);
}
