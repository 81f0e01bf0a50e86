import { and, asc, desc, eq, inArray, isNotNull, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { contacts, conversations, conversationTags, messages, tags, teamMembers, teams, users } from "@/db/schema";
import type { ConversationRow } from "./conversations";

/**
 * The inbox's reads and writes of conversations, always through the org. Sorting and counting are written so that
 * each list shape is one index range scan (see the indexes named in the comments; 100,000 conversations per org).
 */

type Status = ConversationRow["status"];
type Priority = ConversationRow["priority"];

/** Which conversations the caller may see: `teamIds` null = every one (admin), else unteamed ones and these teams'. */
export type Visibility = { orgId: number; teamIds: number[] | null };

export type ConversationFilter = {
  /** Absent: every status except CLOSED. */
  status?: Status;
  assignedTo?: number | "unassigned";
  teamId?: number;
  tagId?: number;
  priority?: Priority;
  category?: string;
  origin?: "ad" | "organic";
  search?: string;
  subFilter?: "unread" | "needs_action";
  /** true: only conversations snoozed into the future; false (default): hides them. */
  snoozed?: boolean;
};

export type ConversationSort = "newest" | "oldest" | "waiting_longest" | "created_newest" | "created_oldest";
export type SortCursor = { at: string; id: number };

const c = conversations;
/** Last activity; a conversation nobody wrote in yet counts from its creation (keeps the keyset free of nulls). */
const activity = sql`coalesce(${c.lastMessageAt}, ${c.createdAt})`;

const SORTS: Record<ConversationSort, { key: SQL; dir: "asc" | "desc"; where?: SQL }> = {
  newest: { key: activity, dir: "desc" },
  oldest: { key: activity, dir: "asc" },
  created_newest: { key: sql`${c.createdAt}`, dir: "desc" },
  created_oldest: { key: sql`${c.createdAt}`, dir: "asc" },
  // The customer spoke last: who has waited longest for an answer comes first.
  waiting_longest: { key: sql`${c.lastCustomerMessageAt}`, dir: "asc", where: sql`${c.lastMessageDirection} = 'INBOUND' and ${c.lastCustomerMessageAt} is not null` },
};

/** With microseconds, as text: a JS Date would round them off and the keyset would skip or repeat rows. */
const asText = (key: SQL) => sql<string>`to_char(${key} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (ch) => `\\${ch}`);

const needsActionSql = sql`(${c.status} = 'OPEN' or (${c.status} = 'HUMAN_HANDLING' and ${c.lastMessageDirection} = 'INBOUND'))`;
const unreadSql = sql`${c.unreadCount} > 0`;

function visibleSql(v: Visibility): SQL | undefined {
  if (v.teamIds === null) return undefined;
  return v.teamIds.length ? sql`(${c.teamId} is null or ${c.teamId} = any(${sql.param(v.teamIds)}::bigint[]))` : isNull(c.teamId);
}

/**
 * What a contact is found by: name, WhatsApp profile name and number in one expression, so that one trigram index
 * (contacts_search_trgm_idx) serves every search.
 */
const contactSearchText = sql`(coalesce(ct.name, '') || ' ' || coalesce(ct.profile_name, '') || ' ' || ct.wa_id)`;

/** Contact name, WhatsApp profile name, number (typed with or without +, spaces, dashes) or #displayId. */
function searchSql(orgId: number, term: string): SQL {
  const patterns = [`%${escapeLike(term)}%`];
  const digits = term.replace(/[\s().+-]/g, "");
  if (/^\d{3,}$/.test(digits) && digits !== term) patterns.push(`%${digits}%`);
  const match = sql.join(
    patterns.map((p) => sql`${contactSearchText} ilike ${p}`),
    sql` or `,
  );
  const parts = [sql`${c.contactId} in (select ct.id from ${contacts} ct where ct.org_id = ${orgId} and (${match}))`];
  const display = /^#?(\d{1,9})$/.exec(term);
  if (display) parts.push(sql`${c.displayId} = ${Number(display[1])}`);
  return sql`(${sql.join(parts, sql` or `)})`;
}

/** Every filter but assignment and the sub-filter: the base the counts' views share. */
function baseWhere(v: Visibility, f: ConversationFilter): (SQL | undefined)[] {
  return [
    eq(c.orgId, v.orgId),
    visibleSql(v),
    // Literal, not a parameter: the partial indexes (where status <> 'CLOSED') must be provably usable by every plan.
    f.status ? eq(c.status, f.status) : sql`${c.status} <> 'CLOSED'`,
    f.snoozed ? sql`${c.snoozedUntil} > now()` : sql`(${c.snoozedUntil} is null or ${c.snoozedUntil} <= now())`,
    f.teamId !== undefined ? eq(c.teamId, f.teamId) : undefined,
    f.priority ? eq(c.priority, f.priority) : undefined,
    f.category !== undefined ? eq(c.category, f.category) : undefined,
    f.origin === "ad" ? isNotNull(c.source) : f.origin === "organic" ? isNull(c.source) : undefined,
    f.tagId !== undefined
      ? sql`exists (select 1 from ${conversationTags} ctg where ctg.conversation_id = ${c.id} and ctg.tag_id = ${f.tagId})`
      : undefined,
    f.search ? searchSql(v.orgId, f.search) : undefined,
  ];
}

const assignedSql = (a: ConversationFilter["assignedTo"]) => (a === undefined ? undefined : a === "unassigned" ? isNull(c.assignedToId) : eq(c.assignedToId, a));

/** One keyset page (limit + 1 rows: the extra one says whether there is a next page). */
export async function listConversationRows(v: Visibility, f: ConversationFilter, sort: ConversationSort, after: SortCursor | undefined, limit: number) {
  const s = SORTS[sort];
  const cmp = s.dir === "desc" ? sql`<` : sql`>`;
  const where = and(
    ...baseWhere(v, f),
    assignedSql(f.assignedTo),
    f.subFilter === "unread" ? unreadSql : f.subFilter === "needs_action" ? needsActionSql : undefined,
    s.where,
    after ? sql`(${s.key}, ${c.id}) ${cmp} (${after.at}::timestamptz, ${after.id}::bigint)` : undefined,
  );
  const order = s.dir === "desc" ? [sql`${s.key} desc`, desc(c.id)] : [sql`${s.key} asc`, asc(c.id)];
  return getDb()
    .select({ row: c, at: asText(s.key) })
    .from(c)
    .where(where)
    .orderBy(...order)
    .limit(limit + 1);
}

export type ConversationCounts = {
  all: number;
  unread: number;
  needsAction: number;
  mineTotal: number;
  mineUnread: number;
  unassignedTotal: number;
  unassignedUnread: number;
  allTotal: number;
  allUnread: number;
};

/** Every figure of the inbox's badges in one pass over the matching rows (filtered aggregates). */
export async function countConversations(v: Visibility, f: ConversationFilter, me: number | null): Promise<ConversationCounts> {
  const assigned = assignedSql(f.assignedTo) ?? sql`true`;
  const mine = me === null ? sql`false` : sql`${c.assignedToId} = ${me}`;
  const unassigned = sql`${c.assignedToId} is null`;
  const n = (cond: SQL) => sql<number>`(count(*) filter (where ${cond}))::int`;
  const [row] = await getDb()
    .select({
      all: n(assigned),
      unread: n(sql`${assigned} and ${unreadSql}`),
      needsAction: n(sql`${assigned} and ${needsActionSql}`),
      mineTotal: n(mine),
      mineUnread: n(sql`${mine} and ${unreadSql}`),
      unassignedTotal: n(unassigned),
      unassignedUnread: n(sql`${unassigned} and ${unreadSql}`),
      allTotal: sql<number>`count(*)::int`,
      allUnread: n(unreadSql),
    })
    .from(c)
    .where(and(...baseWhere(v, f)));
  return row;
}

export async function distinctCategories(orgId: number) {
  const rows = await getDb()
    .selectDistinct({ category: c.category })
    .from(c)
    .where(and(eq(c.orgId, orgId), isNotNull(c.category)))
    .orderBy(asc(c.category))
    .limit(500);
  return rows.map((r) => r.category!);
}

/** The conversation through the tenant; `lock` holds the row until the transaction ends. */
export async function findInboxConversation(orgId: number, id: number, tx: Tx = getDb(), lock = false) {
  const q = tx
    .select()
    .from(c)
    .where(and(eq(c.orgId, orgId), eq(c.id, id)))
    .limit(1);
  const [row] = await (lock ? q.for("update") : q);
  return row;
}

/** Applies a change and bumps the version (realtime clients drop anything older). */
export async function updateInboxConversation(tx: Tx, orgId: number, id: number, values: Partial<typeof c.$inferInsert>) {
  const [row] = await tx
    .update(c)
    .set({ ...values, version: sql`${c.version} + 1` })
    .where(and(eq(c.orgId, orgId), eq(c.id, id)))
    .returning();
  return row;
}

/** Clears unread only when there is something to clear, so a second read is no change (no version bump). */
export async function clearUnread(orgId: number, id: number) {
  const [row] = await getDb()
    .update(c)
    .set({ unreadCount: 0, version: sql`${c.version} + 1` })
    .where(and(eq(c.orgId, orgId), eq(c.id, id), sql`${c.unreadCount} > 0`))
    .returning();
  return row;
}

/** Active teams the user belongs to in this org. */
export async function activeTeamIdsOf(orgId: number, userId: number, tx: Tx = getDb()) {
  const rows = await tx
    .select({ id: teamMembers.teamId })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(and(eq(teamMembers.orgId, orgId), eq(teamMembers.userId, userId), eq(teams.isActive, true)));
  return rows.map((r) => r.id);
}

/** Which of these users belong to the team, while it is active. */
export async function activeMembersOfTeam(orgId: number, teamId: number, userIds: number[], tx: Tx = getDb()) {
  if (!userIds.length) return [];
  const rows = await tx
    .select({ id: teamMembers.userId })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(and(eq(teamMembers.orgId, orgId), eq(teamMembers.teamId, teamId), inArray(teamMembers.userId, userIds), eq(teams.isActive, true)));
  return rows.map((r) => r.id);
}

export async function findActiveTeam(orgId: number, teamId: number, tx: Tx = getDb()) {
  const [row] = await tx
    .select()
    .from(teams)
    .where(and(eq(teams.orgId, orgId), eq(teams.id, teamId), eq(teams.isActive, true)))
    .limit(1);
  return row;
}

/** Returns whether the tag was newly attached. */
export async function attachTag(tx: Tx, orgId: number, conversationId: number, tagId: number, addedById: number | null) {
  const rows = await tx.insert(conversationTags).values({ orgId, conversationId, tagId, addedById }).onConflictDoNothing().returning();
  return rows.length > 0;
}

export async function detachTag(tx: Tx, orgId: number, conversationId: number, tagId: number) {
  const rows = await tx
    .delete(conversationTags)
    .where(and(eq(conversationTags.orgId, orgId), eq(conversationTags.conversationId, conversationId), eq(conversationTags.tagId, tagId)))
    .returning();
  return rows.length > 0;
}

// --- What a conversation DTO shows besides its own row: one query per kind for a whole page. ---

export async function contactsByIds(orgId: number, ids: number[], tx: Tx = getDb()) {
  if (!ids.length) return [];
  return tx
    .select({ id: contacts.id, waId: contacts.waId, name: contacts.name, profileName: contacts.profileName })
    .from(contacts)
    .where(and(eq(contacts.orgId, orgId), inArray(contacts.id, ids)));
}

export async function peopleByIds(ids: number[], tx: Tx = getDb()) {
  if (!ids.length) return [];
  return tx.select({ id: users.id, name: users.name, avatarFileId: users.avatarFileId }).from(users).where(inArray(users.id, ids));
}

export async function teamsByIds(orgId: number, ids: number[], tx: Tx = getDb()) {
  if (!ids.length) return [];
  return tx
    .select({ id: teams.id, name: teams.name, color: teams.color })
    .from(teams)
    .where(and(eq(teams.orgId, orgId), inArray(teams.id, ids)));
}

export async function tagsOfConversations(orgId: number, conversationIds: number[], tx: Tx = getDb()) {
  if (!conversationIds.length) return [];
  return tx
    .select({ conversationId: conversationTags.conversationId, id: tags.id, name: tags.name, color: tags.color })
    .from(conversationTags)
    .innerJoin(tags, eq(tags.id, conversationTags.tagId))
    .where(and(eq(conversationTags.orgId, orgId), inArray(conversationTags.conversationId, conversationIds)))
    .orderBy(asc(sql`lower(${tags.name})`), asc(tags.id));
}

/** The contact's other conversations, newest first. */
export async function contactConversations(v: Visibility, contactId: number, exceptId: number, limit = 50) {
  return getDb()
    .select()
    .from(c)
    .where(and(eq(c.orgId, v.orgId), eq(c.contactId, contactId), ne(c.id, exceptId), visibleSql(v)))
    .orderBy(desc(c.createdAt), desc(c.id))
    .limit(limit);
}

/** The customer's latest words (text and captions), newest first. */
export async function lastCustomerTexts(orgId: number, conversationId: number, limit: number) {
  const rows = await getDb()
    .select({ text: sql<string | null>`coalesce(${messages.body}, ${messages.media}->>'caption')` })
    .from(messages)
    .where(
      and(
        eq(messages.orgId, orgId),
        eq(messages.conversationId, conversationId),
        eq(messages.direction, "INBOUND"),
        eq(messages.isPrivate, false),
        or(isNotNull(messages.body), sql`${messages.media}->>'caption' is not null`),
      ),
    )
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(limit);
  return rows.map((r) => r.text).filter((t): t is string => Boolean(t));
}
