import { and, eq, ne, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { conversations, organizations } from "@/db/schema";

export type ConversationRow = typeof conversations.$inferSelect;
export type ConversationStatus = ConversationRow["status"];

/**
 * Serializes everything that may open a conversation for one contact (a burst or an album arrives as several
 * webhooks processed at once; a template sent to a phone may race an inbound message). Held until the transaction
 * ends; taken in ascending order so that transactions covering several contacts cannot deadlock. The unique partial
 * index "one active conversation per contact" is the backstop.
 */
async function lockContactConversations(tx: Tx, contactIds: number[]) {
  const keys = [...new Set(contactIds)].sort((a, b) => a - b).map((id) => `conversation:${id}`);
  await tx
    .select({ locked: sql`pg_advisory_xact_lock(hashtextextended(k, 0))` })
    .from(sql`unnest(${sql.param(keys)}::text[]) as k`)
    .prepare("lock_contact_conversations")
    .execute();
}

/** `count` new per-org displayIds. The org row stays locked until commit, so numbers are gapless and unique. */
async function nextDisplayIds(tx: Tx, orgId: number, count: number): Promise<number[]> {
  const [row] = await tx
    .update(organizations)
    // updatedAt kept as it is: a new conversation is no change to the organization.
    .set({ conversationSeq: sql`${organizations.conversationSeq} + ${count}`, updatedAt: sql`${organizations.updatedAt}` })
    .where(eq(organizations.id, orgId))
    .returning({ seq: organizations.conversationSeq })
    .prepare("next_display_ids")
    .execute();
  if (!row) throw new Error(`organization ${orgId} not found`);
  return Array.from({ length: count }, (_, i) => row.seq - count + 1 + i);
}

export type FindOrCreateInput = {
  orgId: number;
  contactId: number;
  accountId: number | null;
  /** Where a new conversation came from (e.g. a click-to-WhatsApp ad referral); ignored when one is reused. */
  source?: Record<string, unknown> | null;
  isSimulated?: boolean;
  /** Status of a new conversation: BOT_HANDLING when the org's bot takes first contact, else OPEN (default). */
  status?: Exclude<ConversationStatus, "CLOSED">;
};
export type FoundConversation = { conversation: ConversationRow; created: boolean };

/**
 * The contact's conversation that is not CLOSED, or a new one. Must run inside a transaction (the lock lives until it
 * ends); callers then apply recordInboundMany (db/queries/inbound-batch.ts) / recordOutbound in the same transaction.
 */
export async function findOrCreateActiveConversation(tx: Tx, input: FindOrCreateInput): Promise<FoundConversation> {
  const { contactId, source, status, ...shared } = input;
  const found = await findOrCreateActiveConversations(tx, { ...shared, contacts: [{ contactId, source, status }] });
  return found.get(contactId)!;
}

/** The same for several contacts of one org at once (a webhook batch), in a fixed number of statements. */
export async function findOrCreateActiveConversations(
  tx: Tx,
  input: Omit<FindOrCreateInput, "contactId" | "source" | "status"> & { contacts: Pick<FindOrCreateInput, "contactId" | "source" | "status">[] },
): Promise<Map<number, FoundConversation>> {
  const ids = input.contacts.map((c) => c.contactId);
  await lockContactConversations(tx, ids);
  const active = await tx
    .select()
    .from(conversations)
    .where(and(eq(conversations.orgId, input.orgId), sql`${conversations.contactId} = any(${sql.param(ids)}::bigint[])`, ne(conversations.status, "CLOSED")))
    .prepare("active_conversations")
    .execute();
  const out = new Map<number, FoundConversation>(active.map((c) => [c.contactId, { conversation: c, created: false }]));
  const missing = input.contacts.filter((c, i) => !out.has(c.contactId) && ids.indexOf(c.contactId) === i);
  if (!missing.length) return out;
  const displayIds = await nextDisplayIds(tx, input.orgId, missing.length);
  const created = await tx
    .insert(conversations)
    .values(
      missing.map((c, i) => ({
        orgId: input.orgId,
        displayId: displayIds[i],
        contactId: c.contactId,
        whatsappAccountId: input.accountId,
        status: c.status ?? "OPEN",
        source: c.source ?? null,
        isSimulated: input.isSimulated ?? false,
      })),
    )
    .returning()
    .prepare("insert_conversations")
    .execute();
  for (const c of created) out.set(c.contactId, { conversation: c, created: true });
  return out;
}

/** A message counts as the latest only when it is not older than what the conversation already shows. */
const isLatest = (at: string) => sql`${at}::timestamptz >= coalesce(${conversations.lastMessageAt}, '-infinity'::timestamptz)`;

/**
 * We wrote to the customer. From a person (agent, API): the conversation waits for the customer (unless the bot has
 * it or it is closed) and counts as read. bySystem (bot, campaign, automation): only the last-message fields move.
 */
export async function recordOutbound(tx: Tx, conversationId: number, input: { at: Date; preview: string; bySystem?: boolean }): Promise<ConversationRow> {
  const at = input.at.toISOString();
  const byPerson = !input.bySystem;
  const [row] = await tx
    .update(conversations)
    .set({
      ...(byPerson
        ? {
            status: sql`case when ${conversations.status} in ('BOT_HANDLING', 'CLOSED') then ${conversations.status}
              else 'WAITING_FOR_CUSTOMER'::conversation_status end`,
            unreadCount: 0,
          }
        : {}),
      lastMessagePreview: sql`case when ${isLatest(at)} then ${input.preview} else ${conversations.lastMessagePreview} end`,
      lastMessageDirection: sql`case when ${isLatest(at)} then 'OUTBOUND' else ${conversations.lastMessageDirection} end`,
      lastMessageAt: sql`greatest(${conversations.lastMessageAt}, ${at}::timestamptz)`,
      version: sql`${conversations.version} + 1`,
    })
    .where(eq(conversations.id, conversationId))
    .returning()
    .prepare("record_outbound")
    .execute();
  return row;
}
