import { analyzeWords, chunkLexemes, knowledgeVersion } from "@/db/queries/bot-knowledge";
import { versionedCache } from "./org-cache";
import { TopK } from "./top-k";

/**
 * Full-text ranking over PostgreSQL's own lexemes, in memory. Ranking every chunk that shares a common word with the
 * query in SQL (ts_rank_cd, per-row tsquery checks) costs a detoast per row — over a second at 20,000 chunks when a
 * word like "tienda" is everywhere. So each org's chunks are held as postings (lexeme → chunks, occurrence counts)
 * built from the generated `search` tsvector, and ranked with BM25; words are analyzed by PostgreSQL too (the same
 * Spanish and English stemmers), so matching is exactly the tsvector's.
 */
type Postings = { rows: Int32Array; tf: Uint16Array };
type TextIndex = { ids: Float64Array; lengths: Float32Array; avgLength: number; postings: Map<string, Postings> };

const cache = versionedCache<TextIndex>("text");
const K1 = 1.2;
const B = 0.75;

async function build(orgId: number): Promise<TextIndex> {
  const chunks = await chunkLexemes(orgId);
  const lists = new Map<string, { rows: number[]; tf: number[] }>();
  const ids = new Float64Array(chunks.length);
  const lengths = new Float32Array(chunks.length);
  chunks.forEach((c, row) => {
    ids[row] = c.id;
    c.lexemes.forEach((lexeme, i) => {
      const list = lists.get(lexeme) ?? lists.set(lexeme, { rows: [], tf: [] }).get(lexeme)!;
      list.rows.push(row);
      list.tf.push(Math.min(c.counts[i], 65535));
      lengths[row] += c.counts[i];
    });
  });
  const postings = new Map<string, Postings>();
  for (const [lexeme, l] of lists) postings.set(lexeme, { rows: Int32Array.from(l.rows), tf: Uint16Array.from(l.tf) });
  const avgLength = chunks.length ? lengths.reduce((a, b) => a + b, 0) / chunks.length : 1;
  return { ids, lengths, avgLength, postings };
}

export async function orgTextIndex(orgId: number): Promise<TextIndex> {
  return cache.get(String(orgId), await knowledgeVersion(orgId), () => build(orgId));
}

/** Word → its lexemes, or null for a stop word; words repeat across queries, so their analysis is remembered. */
const analyzed = new Map<string, string[] | null>();

/** The query's meaningful words as lexeme groups (one group per word, all forms and both languages). */
export async function queryGroups(terms: string[][]): Promise<string[][]> {
  const unknown = [...new Set(terms.flat())].filter((w) => !analyzed.has(w));
  if (unknown.length) {
    if (analyzed.size > 20_000) analyzed.clear();
    for (const a of await analyzeWords(unknown)) analyzed.set(a.word, a.stop ? null : a.lexemes);
  }
  return terms.flatMap((forms) => {
    const lexemes = forms.map((f) => analyzed.get(f));
    if (lexemes.some((l) => l === null || l === undefined)) return []; // a stop word in either language
    return [[...new Set(lexemes.flat() as string[])]];
  });
}

export type TextHit = { id: number; bm25: number; coverage: number };

/**
 * The `limit` best chunks by BM25. `coverage` (0..1) is the IDF-weighted share of the query's words the chunk
 * contains: matching a rare word counts more than matching one found everywhere; a word no chunk has weighs like the
 * rarest word that exists.
 */
export function searchText(index: TextIndex, groups: string[][], limit: number): TextHit[] {
  const n = index.ids.length;
  if (!n || !groups.length) return [];
  // Typed scratch arrays instead of Maps: a word found in every chunk means 20,000 postings per query.
  const bm25 = new Float64Array(n);
  const matchedIdf = new Float64Array(n);
  const tf = new Uint16Array(n);
  const seen: number[] = [];
  let totalIdf = 0;
  for (const lexemes of groups) {
    const rows: number[] = [];
    for (const lexeme of lexemes) {
      const p = index.postings.get(lexeme);
      if (!p) continue;
      for (let i = 0; i < p.rows.length; i++) {
        const row = p.rows[i];
        if (tf[row] === 0) rows.push(row);
        if (tf[row] < p.tf[i]) tf[row] = p.tf[i];
      }
    }
    const df = Math.max(1, rows.length);
    const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    totalIdf += idf;
    for (const row of rows) {
      const f = tf[row];
      tf[row] = 0;
      if (matchedIdf[row] === 0) seen.push(row);
      bm25[row] += (idf * f * (K1 + 1)) / (f + K1 * (1 - B + (B * index.lengths[row]) / index.avgLength));
      matchedIdf[row] += idf;
    }
  }
  const top = new TopK(limit);
  for (const row of seen) top.push(row, bm25[row]);
  return top.result().map(({ id: row, score }) => ({ id: index.ids[row], bm25: score, coverage: totalIdf ? matchedIdf[row] / totalIdf : 0 }));
}
