import { and, count, desc, eq, inArray, not, sql, type SQL } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { contacts, conversations, messages } from "@/db/schema";
import type { Visibility } from "./inbox-conversations";
import type { MessageRow } from "./outbound";

/**
 * Queries of the conversation thread: the message page, internal notes, hiding, and full-text search. Every one
 * is scoped by org; the caller has already checked that the conversation is visible.
 */

/** Rows strictly older than message `beforeId` (compared on its stored createdAt, microseconds included, then id). */
const olderThan = (orgId: number, beforeId: number) =>
  sql`(${messages.createdAt}, ${messages.id}) < (select b.created_at, b.id from messages b where b.org_id = ${orgId} and b.id = ${beforeId})`;

/** A page of the thread, newest first: `limit + 1` rows so the caller knows whether older ones remain. */
export async function listThreadPage(orgId: number, conversationId: number, page: { beforeId?: number; limit: number }, tx: Tx = getDb()): Promise<MessageRow[]> {
  return tx
    .select()
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.orgId, orgId), page.beforeId ? olderThan(orgId, page.beforeId) : undefined))
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(page.limit + 1);
}

export async function toggleMessageHidden(orgId: number, id: number, tx: Tx = getDb()): Promise<MessageRow | undefined> {
  const [row] = await tx
    .update(messages)
    .set({ hidden: not(messages.hidden) })
    .where(and(eq(messages.orgId, orgId), eq(messages.id, id)))
    .returning();
  return row;
}

/**
 * Is the message's conversation one `v` may see (lib/services/conversations/access.ts holds the rule)? A scalar
 * subquery on purpose: it stays a primary-key lookup per candidate row, which the LIMIT keeps few, where a join
 * would first collect every visible conversation of the org.
 */
function visibleConversation(v: Visibility, conversationId: SQL.Aliased | typeof messages.conversationId): SQL | undefined {
  if (v.teamIds === null) return undefined;
  const teamOk = v.teamIds.length ? sql`c.team_id is null or c.team_id = any(${sql.param(v.teamIds)}::bigint[])` : sql`c.team_id is null`;
  return sql`(select ${teamOk} from conversations c where c.id = ${conversationId})`;
}

export type SearchInput = { q: string; conversationId?: number; beforeId?: number; limit: number; visibility: Visibility };
export type SearchHit = { message: MessageRow; displayId: number; contactName: string | null; headline: string };

/** How many of the newest messages the first pass reads before it hands over to the GIN index. */
export const SEARCH_WINDOW = 5_000;

const tsQueries = (q: string) => {
  const spanish = sql`websearch_to_tsquery('spanish', ${q}::text)`;
  const english = sql`websearch_to_tsquery('english', ${q}::text)`;
  return { spanish, english, both: sql`(${spanish} || ${english})` };
};

/** The rows a search may look at, before the words: the org (or one conversation), older than the cursor. */
const searchScope = (input: SearchInput) =>
  and(
    eq(messages.orgId, input.visibility.orgId),
    input.conversationId ? eq(messages.conversationId, input.conversationId) : undefined,
    input.beforeId ? olderThan(input.visibility.orgId, input.beforeId) : undefined,
  );

/**
 * Full-text search over the org's messages, newest first. Spanish or English: the query matches when either
 * language's reading of it does (the stored `search` vector holds both).
 *
 * At millions of messages no single plan is good for every word, so the page's ids are found in two passes:
 *  1. walk the newest SEARCH_WINDOW messages in order ((org_id, created_at desc, id desc), or the conversation's
 *     index) and keep the matches — a common word fills the page within a few hundred rows;
 *  2. if that found fewer than a page and older messages remain, the word is rare: let the GIN index on `search`
 *     find every match and sort those (the order key is an expression so that the planner cannot walk instead,
 *     which for a word that is absent would read every message of the org).
 * Only then are the page's rows, contacts and ts_headline computed, for those few rows.
 */
export async function searchThreadMessages(input: SearchInput, tx: Tx = getDb(), window = SEARCH_WINDOW): Promise<SearchHit[]> {
  const ids = await searchHitIds(input, tx, window);
  return ids.length ? searchHitDetails(input.q, ids, tx) : [];
}

async function searchHitIds(input: SearchInput, tx: Tx, windowSize: number): Promise<number[]> {
  const { both } = tsQueries(input.q);
  const recent = tx
    .select({ id: messages.id, createdAt: messages.createdAt, conversationId: sql`${messages.conversationId}`.as("conversation_id"), search: messages.search })
    .from(messages)
    .where(searchScope(input))
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(windowSize)
    .as("recent");
  const first = await tx
    .select({ id: recent.id })
    .from(recent)
    .where(and(sql`${recent.search} @@ ${both}`, visibleConversation(input.visibility, recent.conversationId)))
    .orderBy(desc(recent.createdAt), desc(recent.id))
    .limit(input.limit + 1);
  if (first.length > input.limit) return first.map((r) => r.id);

  const window = tx.select({ one: sql`1`.as("one") }).from(messages).where(searchScope(input)).limit(windowSize).as("window");
  const [{ n }] = await tx.select({ n: count() }).from(window);
  if (n < windowSize) return first.map((r) => r.id);

  const rare = await tx
    .select({ id: messages.id })
    .from(messages)
    .where(and(searchScope(input), sql`${messages.search} @@ ${both}`, visibleConversation(input.visibility, messages.conversationId)))
    .orderBy(sql`${messages.createdAt} + interval '0 s' desc`, desc(messages.id))
    .limit(input.limit + 1);
  return rare.map((r) => r.id);
}

const escapeHtml = (text: SQL) => sql`replace(replace(replace(${text}, '&', '&amp;'), '<', '&lt;'), '>', '&gt;')`;

/** The page's rows with their conversation, contact and a snippet (HTML-escaped text, matches in <mark>). */
async function searchHitDetails(q: string, ids: number[], tx: Tx): Promise<SearchHit[]> {
  const { spanish, english } = tsQueries(q);
  const caption = sql`${messages.media}->>'caption'`;
  const doc = escapeHtml(sql`coalesce(${messages.body}, '') || case when ${caption} is not null and ${caption} <> coalesce(${messages.body}, '') then ' ' || (${caption}) else '' end`);
  const options = 'StartSel=<mark>, StopSel=</mark>, MaxWords=24, MinWords=8, MaxFragments=2, FragmentDelimiter=" … "';
  const headline = sql<string>`case when to_tsvector('spanish', ${doc}) @@ ${spanish}
      then ts_headline('spanish', ${doc}, ${spanish}, ${options})
      else ts_headline('english', ${doc}, ${english}, ${options}) end`;
  return tx
    .select({ message: messages, displayId: conversations.displayId, contactName: sql<string | null>`coalesce(${contacts.name}, ${contacts.profileName})`, headline })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .where(inArray(messages.id, ids))
    .orderBy(desc(messages.createdAt), desc(messages.id));
}
