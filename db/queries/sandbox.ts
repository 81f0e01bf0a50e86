import { and, asc, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { contacts, conversations, messages, templates, whatsappAccounts } from "@/db/schema";

/** Queries of the sandbox and /dev/simulate: simulated customers, their threads, and the cleanup. */

export type ContactRow = typeof contacts.$inferSelect;
export type MessageRow = typeof messages.$inferSelect;

export async function findSandboxAccountByWaba(wabaId: string, tx: Tx = getDb()) {
  const [row] = await tx
    .select()
    .from(whatsappAccounts)
    .where(and(eq(whatsappAccounts.wabaId, wabaId), eq(whatsappAccounts.isSandbox, true), isNull(whatsappAccounts.deletedAt)))
    .limit(1);
  return row;
}

export async function findContact(orgId: number, id: number, tx: Tx = getDb()) {
  const [row] = await tx
    .select()
    .from(contacts)
    .where(and(eq(contacts.orgId, orgId), eq(contacts.id, id)))
    .limit(1);
  return row;
}

export async function findContactByWaId(orgId: number, waId: string, tx: Tx = getDb()) {
  const [row] = await tx
    .select()
    .from(contacts)
    .where(and(eq(contacts.orgId, orgId), eq(contacts.waId, waId)))
    .limit(1);
  return row;
}

/** Creates the simulated customer, or returns the simulated one that already has this number. */
export async function upsertSimulatedContact(orgId: number, waId: string, name: string, tx: Tx = getDb()) {
  const [row] = await tx
    .insert(contacts)
    .values({ orgId, waId, name, profileName: name, isSimulated: true })
    .onConflictDoNothing({ target: [contacts.orgId, contacts.waId] })
    .returning();
  return row ?? (await findContactByWaId(orgId, waId, tx));
}

export async function listSimulatedContacts(orgId: number, limit = 100) {
  return getDb()
    .select()
    .from(contacts)
    .where(and(eq(contacts.orgId, orgId), eq(contacts.isSimulated, true)))
    .orderBy(desc(sql`coalesce(${contacts.lastMessageAt}, ${contacts.createdAt})`), desc(contacts.id))
    .limit(limit);
}

/** The latest conversation of each contact (the one a customer's next message continues, unless it is closed). */
export async function latestConversations(orgId: number, contactIds: number[]) {
  if (!contactIds.length) return [];
  return getDb()
    .selectDistinctOn([conversations.contactId])
    .from(conversations)
    .where(and(eq(conversations.orgId, orgId), inArray(conversations.contactId, contactIds)))
    .orderBy(conversations.contactId, desc(conversations.createdAt), desc(conversations.id));
}

export async function findConversation(orgId: number, id: number, tx: Tx = getDb()) {
  const [row] = await tx
    .select({ conversation: conversations, contact: contacts })
    .from(conversations)
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .where(and(eq(conversations.orgId, orgId), eq(conversations.id, id)))
    .limit(1);
  return row;
}

/** The customer's whole history with the business, across conversations, newest `limit` messages in time order. */
export async function threadMessages(orgId: number, contactId: number, limit = 200) {
  const rows = await getDb()
    .select({ message: messages })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .where(and(eq(messages.orgId, orgId), eq(conversations.orgId, orgId), eq(conversations.contactId, contactId), eq(messages.hidden, false)))
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(limit);
  return rows.map((r) => r.message).reverse();
}

/** A message of the customer's thread (the one a reply, a reaction or a button tap refers to). */
export async function findThreadMessage(orgId: number, contactId: number, messageId: number) {
  const [row] = await getDb()
    .select({ message: messages })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .where(and(eq(messages.orgId, orgId), eq(messages.id, messageId), eq(conversations.contactId, contactId)))
    .limit(1);
  return row?.message;
}

export async function findMessagesByProviderIds(orgId: number, accountId: number, wamids: string[]) {
  if (!wamids.length) return [];
  return getDb()
    .select({ id: messages.id, conversationId: messages.conversationId, providerMessageId: messages.providerMessageId })
    .from(messages)
    .where(and(eq(messages.orgId, orgId), eq(messages.whatsappAccountId, accountId), inArray(messages.providerMessageId, wamids)));
}

export async function findTemplateByName(orgId: number, name: string, language?: string) {
  const [row] = await getDb()
    .select({ template: templates, wabaId: whatsappAccounts.wabaId })
    .from(templates)
    .leftJoin(whatsappAccounts, eq(whatsappAccounts.id, templates.whatsappAccountId))
    .where(and(eq(templates.orgId, orgId), eq(templates.name, name), isNull(templates.deletedAt), language ? eq(templates.language, language) : undefined))
    .orderBy(asc(templates.id))
    .limit(1);
  return row;
}

/** Everything simulated in the org: simulated customers (their conversations and messages go with them by cascade). */
export async function deleteSimulated(orgId: number) {
  return getDb().transaction(async (tx) => {
    const simulated = or(eq(conversations.isSimulated, true), inArray(conversations.contactId, tx.select({ id: contacts.id }).from(contacts).where(and(eq(contacts.orgId, orgId), eq(contacts.isSimulated, true)))));
    const convs = await tx.select({ id: conversations.id }).from(conversations).where(and(eq(conversations.orgId, orgId), simulated));
    const ids = convs.map((c) => c.id);
    const [{ n }] = ids.length
      ? await tx.select({ n: sql<number>`count(*)::int` }).from(messages).where(and(eq(messages.orgId, orgId), inArray(messages.conversationId, ids)))
      : [{ n: 0 }];
    if (ids.length) await tx.delete(conversations).where(and(eq(conversations.orgId, orgId), inArray(conversations.id, ids)));
    const gone = await tx
      .delete(contacts)
      .where(and(eq(contacts.orgId, orgId), eq(contacts.isSimulated, true)))
      .returning({ id: contacts.id });
    return { contacts: gone.length, conversations: ids.length, messages: n };
  });
}
