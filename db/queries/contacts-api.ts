import { and, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { contacts } from "@/db/schema";

export type ContactRow = typeof contacts.$inferSelect;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A contact's last activity: its last message, or when it was created if it never wrote. */
export const contactActivity = sql<Date>`coalesce(${contacts.lastMessageAt}, ${contacts.createdAt})`;

/** Activity with its microseconds, as text: a JS Date would round them off and the keyset would skip or repeat rows. */
const activityText = sql<string>`to_char(${contactActivity} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export type ContactCursor = { at: string; id: number };

/** Keyset page, most recent activity first: the cursor is the (activity, id) of the last row already seen. */
export async function listContactsPage(orgId: number, q: { search?: string; after?: ContactCursor; limit: number }) {
  const like = q.search ? `%${escapeLike(q.search)}%` : undefined;
  const search: SQL | undefined = like ? or(ilike(contacts.name, like), ilike(contacts.profileName, like), ilike(contacts.waId, like)) : undefined;
  const after = q.after ? sql`(${contactActivity}, ${contacts.id}) < (${q.after.at}::timestamptz, ${q.after.id})` : undefined;
  return getDb()
    .select({ contact: contacts, at: activityText })
    .from(contacts)
    .where(and(eq(contacts.orgId, orgId), search, after))
    .orderBy(desc(contactActivity), desc(contacts.id))
    .limit(q.limit + 1);
}

export async function findContactByWaId(orgId: number, waId: string, tx: Tx = getDb()) {
  const [row] = await tx
    .select()
    .from(contacts)
    .where(and(eq(contacts.orgId, orgId), eq(contacts.waId, waId)))
    .limit(1);
  return row;
}

export async function updateContactByWaId(orgId: number, waId: string, values: { name?: string | null; category?: string | null }, tx: Tx = getDb()) {
  const [row] = await tx
    .update(contacts)
    .set(values)
    .where(and(eq(contacts.orgId, orgId), eq(contacts.waId, waId)))
    .returning();
  return row;
}
