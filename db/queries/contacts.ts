import { and, eq, getTableColumns, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { contacts } from "@/db/schema";

export type ContactRow = typeof contacts.$inferSelect;

export type ContactUpsert = {
  orgId: number;
  waId: string;
  /** WhatsApp profile name from the webhook; null keeps what we had. */
  profileName?: string | null;
  /** Only applies when the contact is created (a real customer never becomes simulated). */
  isSimulated?: boolean;
  lastMessageAt?: Date;
};
export type UpsertedContact = { contact: ContactRow; changed: boolean };

/** Creates the contact of (org, wa_id) or refreshes its profile name and last activity. See upsertContacts. */
export async function upsertContact(input: ContactUpsert, tx: Tx = getDb()): Promise<UpsertedContact> {
  const { orgId, isSimulated, ...one } = input;
  return (await upsertContacts({ orgId, isSimulated, contacts: [one] }, tx)).get(input.waId)!;
}

/**
 * Upserts contacts of one org in one statement that is safe under concurrency (the unique key decides). Rows are
 * written in wa_id order, so two batches naming the same customers lock them in the same order. `changed` is true
 * when a contact is new or its profile name changed.
 */
export async function upsertContacts(
  input: { orgId: number; isSimulated?: boolean; contacts: Omit<ContactUpsert, "orgId" | "isSimulated">[] },
  tx: Tx = getDb(),
): Promise<Map<string, UpsertedContact>> {
  const byWaId = new Map(input.contacts.map((c) => [c.waId, c]));
  const list = [...byWaId.values()].sort((a, b) => (a.waId < b.waId ? -1 : a.waId > b.waId ? 1 : 0));
  const waIds = list.map((c) => c.waId);
  const old = tx
    .$with("old")
    .as(tx.select({ waId: contacts.waId, profileName: contacts.profileName }).from(contacts).where(and(eq(contacts.orgId, input.orgId), sql`${contacts.waId} = any(${sql.param(waIds)}::text[])`)));
  const rows = await tx
    .with(old)
    .insert(contacts)
    .values(
      list.map((c) => ({
        orgId: input.orgId,
        waId: c.waId,
        profileName: c.profileName?.trim() || null,
        isSimulated: input.isSimulated ?? false,
        lastMessageAt: c.lastMessageAt ?? null,
      })),
    )
    .onConflictDoUpdate({
      target: [contacts.orgId, contacts.waId],
      set: {
        profileName: sql`coalesce(excluded.profile_name, ${contacts.profileName})`,
        lastMessageAt: sql`greatest(${contacts.lastMessageAt}, excluded.last_message_at)`,
        updatedAt: sql`now()`,
      },
    })
    .returning({
      ...getTableColumns(contacts),
      // Written out: inside the subquery an unqualified column would resolve to the outer contacts row.
      previous: sql<string | null>`(select o.profile_name from old o where o.wa_id = ${contacts}.wa_id)`,
      inserted: sql<boolean>`(xmax = 0)`,
    })
    .prepare("upsert_contacts")
    .execute();
  return new Map(
    rows.map(({ previous, inserted, ...contact }) => {
      const given = byWaId.get(contact.waId)?.profileName?.trim() || null;
      return [contact.waId, { contact, changed: inserted || (given !== null && given !== previous) }];
    }),
  );
}
