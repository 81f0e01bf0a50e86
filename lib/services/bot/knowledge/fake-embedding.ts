import { MockEmbeddingModelV4 } from "ai/test";
import { unaccent } from "./terms";

/**
 * A deterministic embedding model for tests and the benchmark (no network): feature hashing of words (accents
 * removed, cut to 5 letters as a crude stem) into `dims` buckets. Words listed in one `synonyms` group share a bucket,
 * so a test can check that vectors find a passage with no word in common with the query.
 */
export function fakeEmbeddingModel(opts: { dims?: number; synonyms?: string[][]; modelId?: string } = {}) {
  const dims = opts.dims ?? 256;
  const alias = new Map<string, string>();
  for (const group of opts.synonyms ?? []) for (const w of group) alias.set(stem(w), stem(group[0]));
  const embedOne = (text: string) => {
    const v = new Array<number>(dims).fill(0);
    for (const word of unaccent(text.toLowerCase()).match(/[\p{L}\p{N}]+/gu) ?? []) {
      if (word.length < 3) continue;
      const key = alias.get(stem(word)) ?? stem(word);
      v[hash(key) % dims] += 1;
    }
    v[dims - 1] += 0.01; // never the zero vector
    return v;
  };
  return new MockEmbeddingModelV4({
    provider: "fake",
    modelId: opts.modelId ?? `hash-${dims}`,
    maxEmbeddingsPerCall: 256,
    doEmbed: async ({ values }) => ({ embeddings: values.map((v) => embedOne(String(v))), warnings: [] }),
  });
}

const stem = (w: string) => unaccent(w.toLowerCase()).slice(0, 5);

function hash(s: string) {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}
