import type { EmbeddingModel } from "ai";

/** Removes acute/grave accents and diaeresis ("menú" → "menu", "atención" → "atencion"); ñ stays a letter of its own. */
export const unaccent = (s: string) => s.normalize("NFD").replace(/[\u0300\u0301\u0308]/g, "").normalize("NFC");

const MAX_TERMS = 16;

/**
 * The distinct words of a query, each with its forms: ["menú", "menu"] when it carries accents — the Spanish stemmer
 * drops acute accents, the English one does not, and the chunk's tsvector holds both, so "menu" and "menú" find each
 * other either way. Letters and digits only: nothing of the query reaches PostgreSQL as syntax.
 */
export function searchTerms(query: string): string[][] {
  const terms = new Map<string, string[]>();
  for (const word of query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (word.length < 2 && !/\d/.test(word)) continue;
    const plain = unaccent(word);
    if (!terms.has(plain)) terms.set(plain, plain === word ? [word] : [word, plain]);
    if (terms.size >= MAX_TERMS) break;
  }
  return [...terms.values()];
}

/** The label stored on a document for the model that embedded its chunks (the vectors of two models never mix). */
export function modelLabel(model: EmbeddingModel): string {
  return typeof model === "string" ? model : `${model.provider}/${model.modelId}`;
}

/** Scales a vector to unit length in place, so cosine similarity becomes a dot product. */
export function normalize(v: Float32Array | number[]): Float32Array {
  const out = v instanceof Float32Array ? v : Float32Array.from(v);
  let sum = 0;
  for (let i = 0; i < out.length; i++) sum += out[i] * out[i];
  const norm = Math.sqrt(sum);
  if (norm > 0) for (let i = 0; i < out.length; i++) out[i] /= norm;
  return out;
}
