import { performance } from "node:perf_hooks";
import { embed } from "ai";
import { chunksWithTitles } from "@/db/queries/bot-knowledge";
import type { PassageDto } from "@/lib/api/contracts/bot-schemas";
import type { ProviderSettings } from "@/lib/ai/providers";
import { log } from "@/lib/log";
import { providerOf } from "../provider";
import { embeddingSpec } from "./embed";
import { normalize, searchTerms } from "./terms";
import { orgTextIndex, queryGroups, searchText, type TextHit } from "./text-index";
import { nearest, orgIndex } from "./vector-index";

/**
 * Knowledge-base retrieval: full-text candidates (BM25 over the Spanish + English tsvector's lexemes, accent-
 * insensitive words; text-index.ts) and, when the provider can embed and the org has chunks embedded with that model,
 * exact cosine candidates (vector-index.ts) — fused by reciprocal rank fusion (RRF, k = 60), which orders the
 * passages; ties go to the higher score.
 *
 * `score` (0..1) is what the engine compares with `config.confidenceThreshold`; it is an absolute measure, not a rank:
 *  - textScore = 0.85 × coverage + 0.15 × bm25/(bm25 + 1), where coverage is the IDF-weighted share of the query's
 *    meaningful words found in the passage (stop words of either language do not count). Null when full-text did
 *    not match.
 *  - vectorScore = cosine similarity clamped to 0..1; null in text mode or when the passage was not a vector candidate.
 *  - score = textScore in text mode; in hybrid mode the "noisy OR" 1 − (1 − text)(1 − vector) of the two (a missing
 *    part counts as 0), so either kind of evidence raises confidence and both together raise it most.
 * So with the default threshold 0.5, a text-only answer needs roughly half of the question's (IDF-weighted) words in
 * one passage.
 */
export type RetrieveResult = { passages: PassageDto[]; ms: number; mode: "hybrid" | "text" };

const RRF_K = 60;
const DEFAULT_TOP_K = 5;

export async function retrieve(orgId: number, query: string, opts?: { topK?: number; provider?: ProviderSettings | null }): Promise<RetrieveResult> {
  const started = performance.now();
  const topK = Math.max(1, Math.min(opts?.topK ?? DEFAULT_TOP_K, 50));
  const pool = Math.max(20, topK * 4);
  const provider = opts?.provider === undefined ? await providerOf(orgId) : opts.provider;
  const [text, vector] = await Promise.all([textCandidates(orgId, query, pool), vectorCandidates(orgId, query, provider, pool)]);
  const passages = await fuse(orgId, text, vector ?? [], topK, vector !== null);
  return { passages, ms: Math.round((performance.now() - started) * 10) / 10, mode: vector === null ? "text" : "hybrid" };
}

async function textCandidates(orgId: number, query: string, pool: number): Promise<TextHit[]> {
  const terms = searchTerms(query);
  if (!terms.length) return [];
  const [index, groups] = await Promise.all([orgTextIndex(orgId), queryGroups(terms)]);
  return searchText(index, groups, pool);
}

/** Null when this retrieval is text-only: no embedding model, nothing embedded with it, or the embedding call failed. */
async function vectorCandidates(orgId: number, query: string, provider: ProviderSettings | null, pool: number) {
  const spec = embeddingSpec(provider);
  if (!spec || !query.trim()) return null;
  const index = await orgIndex(orgId, spec.label);
  if (!index.ids.length) return null;
  try {
    const { embedding } = await embed({ model: spec.model, value: query, dimensions: spec.dimensions, maxRetries: 1 });
    return nearest(index, normalize(embedding), pool).filter((c) => c.similarity > 0);
  } catch (error) {
    log.warn("query embedding failed; full-text retrieval only", { orgId, error });
    return null;
  }
}

const textScoreOf = (c: TextHit) => 0.85 * c.coverage + 0.15 * (c.bm25 / (c.bm25 + 1));
const round = (n: number) => Math.round(n * 1000) / 1000;

async function fuse(orgId: number, text: TextHit[], vector: { id: number; similarity: number }[], topK: number, hybrid: boolean): Promise<PassageDto[]> {
  type Entry = { rrf: number; textScore: number | null; vectorScore: number | null };
  const entries = new Map<number, Entry>();
  const entry = (id: number) => entries.get(id) ?? entries.set(id, { rrf: 0, textScore: null, vectorScore: null }).get(id)!;
  text.forEach((c, rank) => {
    const e = entry(c.id);
    e.rrf += 1 / (RRF_K + rank + 1);
    e.textScore = Math.min(1, textScoreOf(c));
  });
  vector.forEach((c, rank) => {
    const e = entry(c.id);
    e.rrf += 1 / (RRF_K + rank + 1);
    e.vectorScore = Math.min(1, Math.max(0, c.similarity));
  });
  const scoreOf = (e: Entry) => (hybrid ? 1 - (1 - (e.textScore ?? 0)) * (1 - (e.vectorScore ?? 0)) : (e.textScore ?? 0));
  // RRF ties are common with two lists (1st + 2nd vs 2nd + 1st): the absolute score breaks them.
  const best = [...entries.entries()].sort((a, b) => b[1].rrf - a[1].rrf || scoreOf(b[1]) - scoreOf(a[1]) || a[0] - b[0]).slice(0, topK);
  const rows = new Map((await chunksWithTitles(orgId, best.map(([id]) => id))).map((r) => [r.id, r]));
  return best.flatMap(([id, e]) => {
    const row = rows.get(id);
    if (!row) return [];
    return [
      {
        chunkId: String(id),
        documentId: String(row.documentId),
        title: row.title,
        content: row.content,
        location: row.location,
        score: round(scoreOf(e)),
        textScore: e.textScore === null ? null : round(e.textScore),
        vectorScore: e.vectorScore === null ? null : round(e.vectorScore),
      },
    ];
  });
}
