import { and, count, desc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { accountAlerts } from "@/db/schema";

export type AlertRow = typeof accountAlerts.$inferSelect;

const acknowledgedIs = (acknowledged?: boolean) =>
  acknowledged === undefined ? undefined : acknowledged ? isNotNull(accountAlerts.acknowledgedAt) : isNull(accountAlerts.acknowledgedAt);

export async function listAlerts(orgId: number, q: { acknowledged?: boolean; limit: number; offset: number }) {
  const where = and(eq(accountAlerts.orgId, orgId), acknowledgedIs(q.acknowledged));
  const [rows, [{ total }]] = await Promise.all([
    getDb().select().from(accountAlerts).where(where).orderBy(desc(accountAlerts.createdAt), desc(accountAlerts.id)).limit(q.limit).offset(q.offset),
    getDb().select({ total: count() }).from(accountAlerts).where(where),
  ]);
  return { rows, total };
}

export async function countUnacknowledgedAlerts(orgId: number) {
  const [{ total }] = await getDb()
    .select({ total: count() })
    .from(accountAlerts)
    .where(and(eq(accountAlerts.orgId, orgId), isNull(accountAlerts.acknowledgedAt)));
  return total;
}

export async function findAlert(orgId: number, id: number, tx: Tx = getDb()) {
  const [row] = await tx
    .select()
    .from(accountAlerts)
    .where(and(eq(accountAlerts.orgId, orgId), eq(accountAlerts.id, id)))
    .limit(1);
  return row;
}

/** The open alert of this kind for this account (and subject, e.g. a template), so a recurring problem is one alert. */
export async function findOpenAlert(orgId: number, accountId: number | null, type: string, subject: string | null, tx: Tx = getDb()) {
  const [row] = await tx
    .select()
    .from(accountAlerts)
    .where(
      and(
        eq(accountAlerts.orgId, orgId),
        accountId === null ? isNull(accountAlerts.whatsappAccountId) : eq(accountAlerts.whatsappAccountId, accountId),
        eq(accountAlerts.type, type),
        isNull(accountAlerts.acknowledgedAt),
        subject === null ? sql`${accountAlerts.metadata}->>'subject' is null` : sql`${accountAlerts.metadata}->>'subject' = ${subject}`,
      ),
    )
    .limit(1);
  return row;
}

export async function insertAlert(values: typeof accountAlerts.$inferInsert, tx: Tx = getDb()) {
  const [row] = await tx.insert(accountAlerts).values(values).returning();
  return row;
}

/** Acknowledges one alert; an already acknowledged one keeps who and when it was first acknowledged. */
export async function acknowledgeAlert(orgId: number, id: number, userId: number | null, tx: Tx = getDb()) {
  const [row] = await tx
    .update(accountAlerts)
    .set({
      acknowledgedAt: sql`coalesce(${accountAlerts.acknowledgedAt}, now())`,
      acknowledgedById: sql`coalesce(${accountAlerts.acknowledgedById}, ${userId}::bigint)`,
    })
    .where(and(eq(accountAlerts.orgId, orgId), eq(accountAlerts.id, id)))
    .returning();
  return row;
}

export async function acknowledgeAllAlerts(orgId: number, userId: number | null, tx: Tx = getDb()) {
  const rows = await tx
    .update(accountAlerts)
    .set({ acknowledgedAt: new Date(), acknowledgedById: userId })
    .where(and(eq(accountAlerts.orgId, orgId), isNull(accountAlerts.acknowledgedAt)))
    .returning({ id: accountAlerts.id });
  return rows.length;
}
