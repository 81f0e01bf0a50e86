import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { conversations, conversationTags, tags } from "@/db/schema";

export type TagRow = typeof tags.$inferSelect;
export type TagWithCount = { tag: TagRow; conversationCount: number };

/** Conversations that are not closed carrying the tag: what an agent can still act on. */
const openCount = sql<number>`(
  select count(*)::int from conversation_tags ct
  join conversations c on c.id = ct.conversation_id
  where ct.tag_id = "tags"."id" and c.status <> 'CLOSED'
)`;

export async function listTags(orgId: number, tx: Tx = getDb()): Promise<TagWithCount[]> {
  return tx
    .select({ tag: tags, conversationCount: openCount })
    .from(tags)
    .where(eq(tags.orgId, orgId))
    .orderBy(asc(sql`lower(${tags.name})`), asc(tags.id));
}

export async function findTagWithCount(orgId: number, id: number, tx: Tx = getDb()): Promise<TagWithCount | undefined> {
  const [row] = await tx
    .select({ tag: tags, conversationCount: openCount })
    .from(tags)
    .where(and(eq(tags.orgId, orgId), eq(tags.id, id)))
    .limit(1);
  return row;
}

export async function findTag(orgId: number, id: number, tx: Tx = getDb()) {
  const [row] = await tx
    .select()
    .from(tags)
    .where(and(eq(tags.orgId, orgId), eq(tags.id, id)))
    .limit(1);
  return row;
}

export async function insertTag(values: typeof tags.$inferInsert, tx: Tx = getDb()) {
  const [row] = await tx.insert(tags).values(values).returning();
  return row;
}

export async function updateTag(orgId: number, id: number, values: Partial<Pick<TagRow, "name" | "color" | "description">>, tx: Tx = getDb()) {
  const [row] = await tx
    .update(tags)
    .set(values)
    .where(and(eq(tags.orgId, orgId), eq(tags.id, id)))
    .returning();
  return row;
}

/**
 * Bumps the version of the open conversations carrying the tag (their tag list is about to change), then deletes the
 * tag; its conversation_tags rows go with it (FK cascade). Returns the deleted tag and the bumped conversations.
 */
export async function deleteTagBumpingConversations(orgId: number, id: number, tx: Tx) {
  const tagged = tx.select({ id: conversationTags.conversationId }).from(conversationTags).where(eq(conversationTags.tagId, id));
  const bumped = await tx
    .update(conversations)
    .set({ version: sql`${conversations.version} + 1` })
    .where(and(eq(conversations.orgId, orgId), ne(conversations.status, "CLOSED"), inArray(conversations.id, tagged)))
    .returning({ id: conversations.id, version: conversations.version });
  const [tag] = await tx
    .delete(tags)
    .where(and(eq(tags.orgId, orgId), eq(tags.id, id)))
    .returning();
  return { tag, bumped };
}

/** The tags of a conversation, by name. */
export async function conversationTagRefs(orgId: number, conversationId: number, tx: Tx = getDb()) {
  return tx
    .select({ id: tags.id, name: tags.name, color: tags.color })
    .from(conversationTags)
    .innerJoin(tags, eq(tags.id, conversationTags.tagId))
    .where(and(eq(conversationTags.orgId, orgId), eq(conversationTags.conversationId, conversationId)))
    .orderBy(asc(sql`lower(${tags.name})`), asc(tags.id));
}
