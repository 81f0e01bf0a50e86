import { and, asc, count, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { botChunks, botDocuments } from "@/db/schema";

export type BotDocumentRow = typeof botDocuments.$inferSelect;
export type NewChunk = { position: number; content: string; location: string | null; tokenCount: number; embedding: number[] | null };

const chunkColumns = {
  id: botChunks.id,
  orgId: botChunks.orgId,
  documentId: botChunks.documentId,
  position: botChunks.position,
  content: botChunks.content,
  location: botChunks.location,
  tokenCount: botChunks.tokenCount,
  embedding: botChunks.embedding,
  createdAt: botChunks.createdAt,
};

export async function insertDocument(values: typeof botDocuments.$inferInsert, tx: Tx = getDb()) {
  const [row] = await tx.insert(botDocuments).values(values).returning();
  return row;
}

export async function findDocument(orgId: number, id: number, tx: Tx = getDb()): Promise<BotDocumentRow | undefined> {
  const [row] = await tx
    .select()
    .from(botDocuments)
    .where(and(eq(botDocuments.orgId, orgId), eq(botDocuments.id, id)));
  return row;
}

/** The job's lookup: it only knows the document id (the org comes from the row). */
export async function findDocumentById(id: number, tx: Tx = getDb()): Promise<BotDocumentRow | undefined> {
  const [row] = await tx.select().from(botDocuments).where(eq(botDocuments.id, id));
  return row;
}

export function listDocuments(orgId: number, tx: Tx = getDb()) {
  return tx.select().from(botDocuments).where(eq(botDocuments.orgId, orgId)).orderBy(desc(botDocuments.createdAt), desc(botDocuments.id));
}

export async function countDocuments(orgId: number, tx: Tx = getDb()) {
  const [row] = await tx.select({ n: count() }).from(botDocuments).where(eq(botDocuments.orgId, orgId));
  return row.n;
}

export async function updateDocument(orgId: number, id: number, patch: Partial<typeof botDocuments.$inferInsert>, tx: Tx = getDb()) {
  const [row] = await tx
    .update(botDocuments)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(botDocuments.orgId, orgId), eq(botDocuments.id, id)))
    .returning();
  return row;
}

export async function deleteDocumentRow(orgId: number, id: number, tx: Tx = getDb()) {
  const [row] = await tx
    .delete(botDocuments)
    .where(and(eq(botDocuments.orgId, orgId), eq(botDocuments.id, id)))
    .returning();
  return row;
}

/** Bounded batches: one INSERT of thousands of rows would exceed the bind-parameter limit. */
export async function insertChunks(values: (typeof botChunks.$inferInsert)[], tx: Tx) {
  for (let i = 0; i < values.length; i += 500) await tx.insert(botChunks).values(values.slice(i, i + 500));
}

/** Replaces a document's chunks (a re-run of the job starts from scratch). */
export async function replaceChunks(orgId: number, documentId: number, chunks: NewChunk[], tx: Tx) {
  await tx.delete(botChunks).where(and(eq(botChunks.orgId, orgId), eq(botChunks.documentId, documentId)));
  await insertChunks(
    chunks.map((c) => ({ ...c, orgId, documentId })),
    tx,
  );
}

export const insertDocuments = (values: (typeof botDocuments.$inferInsert)[], tx: Tx) =>
  values.length ? tx.insert(botDocuments).values(values).returning() : Promise.resolve([]);

export async function pageChunks(orgId: number, documentId: number, page: number, limit: number, tx: Tx = getDb()) {
  const where = and(eq(botChunks.orgId, orgId), eq(botChunks.documentId, documentId));
  const [rows, [total]] = await Promise.all([
    tx
      .select(chunkColumns)
      .from(botChunks)
      .where(where)
      .orderBy(asc(botChunks.position))
      .limit(limit)
      .offset((page - 1) * limit),
    tx.select({ n: count() }).from(botChunks).where(where),
  ]);
  return { rows, total: total.n };
}

/**
 * The PostgreSQL lexemes of every chunk of the org's READY documents (from the generated Spanish + English tsvector,
 * so stemming is PostgreSQL's own) with their occurrence counts: the source of the in-memory full-text index.
 */
export async function chunkLexemes(orgId: number, tx: Tx = getDb()) {
  const rows = await tx.execute<{ id: string; lexemes: string[] | null; counts: number[] | null }>(sql`
    select c.id, l.lexemes, l.counts
    from bot_chunks c
    join bot_documents d on d.id = c.document_id and d.org_id = ${orgId} and d.status = 'READY'
    cross join lateral (
      select array_agg(u.lexeme) as lexemes, array_agg(coalesce(array_length(u.positions, 1), 1)) as counts from unnest(c.search) u
    ) l
    where c.org_id = ${orgId}
    order by c.id`);
  return rows.map((r) => ({ id: Number(r.id), lexemes: r.lexemes ?? [], counts: (r.counts ?? []).map(Number) }));
}

/**
 * How PostgreSQL indexes each word: its lexemes in the Spanish and English configurations, and whether either
 * configuration drops it as a stop word (the tsvector holds both languages, so "de" or "the" would match everything).
 */
export async function analyzeWords(words: string[], tx: Tx = getDb()) {
  if (!words.length) return [];
  const rows = await tx.execute<{ w: string; stop: boolean; lexemes: string[] }>(sql`
    select w, (length(to_tsvector('spanish', w)) = 0 or length(to_tsvector('english', w)) = 0) as stop,
      tsvector_to_array(to_tsvector('spanish', w) || to_tsvector('english', w)) as lexemes
    from unnest(array[${sql.join(
      words.map((w) => sql`${w}`),
      sql`, `,
    )}]::text[]) w`);
  return rows.map((r) => ({ word: r.w, stop: r.stop, lexemes: r.lexemes }));
}

/** Changes whenever a READY document (embedded with `model`, when given) appears, changes or goes away: the in-memory indexes' key. */
export async function knowledgeVersion(orgId: number, model?: string, tx: Tx = getDb()) {
  const where = and(eq(botDocuments.orgId, orgId), eq(botDocuments.status, "READY"), model === undefined ? undefined : eq(botDocuments.embeddingModel, model));
  const [row] = await tx
    .select({ n: count(), maxId: sql<string | null>`max(${botDocuments.id})`, at: sql<string | null>`max(${botDocuments.updatedAt})::text`, chunks: sql<string | null>`sum(${botDocuments.chunkCount})` })
    .from(botDocuments)
    .where(where);
  return `${row.n}:${row.maxId}:${row.at}:${row.chunks}`;
}

/** Every embedded chunk of the org's READY documents embedded with `model` (ids and unit vectors). */
export function embeddedChunks(orgId: number, model: string, tx: Tx = getDb()) {
  return tx
    .select({ id: botChunks.id, embedding: botChunks.embedding })
    .from(botChunks)
    .innerJoin(botDocuments, eq(botDocuments.id, botChunks.documentId))
    .where(and(eq(botChunks.orgId, orgId), eq(botDocuments.status, "READY"), eq(botDocuments.embeddingModel, model), isNotNull(botChunks.embedding)))
    .orderBy(asc(botChunks.id));
}

export async function chunksWithTitles(orgId: number, ids: number[], tx: Tx = getDb()) {
  if (!ids.length) return [];
  return tx
    .select({ id: botChunks.id, documentId: botChunks.documentId, title: botDocuments.title, content: botChunks.content, location: botChunks.location })
    .from(botChunks)
    .innerJoin(botDocuments, eq(botDocuments.id, botChunks.documentId))
    .where(and(eq(botChunks.orgId, orgId), inArray(botChunks.id, ids)));
}

/** Counts for GET /bot-config/embedding-info; `dimensions` from one stored vector (null when none is embedded). */
export async function embeddingStats(orgId: number, tx: Tx = getDb()) {
  const [row] = await tx.execute<{ chunks: number; embedded: number; documents: number; dimensions: number | null }>(sql`
    select
      (select count(*) from bot_chunks where org_id = ${orgId})::int as chunks,
      (select count(*) from bot_chunks where org_id = ${orgId} and embedding is not null)::int as embedded,
      (select count(*) from bot_documents where org_id = ${orgId})::int as documents,
      (select array_length(embedding, 1) from bot_chunks where org_id = ${orgId} and embedding is not null limit 1) as dimensions`);
  return { chunks: row.chunks, embeddedChunks: row.embedded, documents: row.documents, dimensions: row.dimensions ?? null };
}

/** Serializes document creation per org for the rest of the transaction (the plan's document limit). */
export async function lockOrgDocuments(orgId: number, tx: Tx) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('bot_documents:' || ${orgId}::text))`);
}
