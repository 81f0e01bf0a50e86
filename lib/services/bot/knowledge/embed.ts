import { embedMany } from "ai";
import { embeddingModel, type ProviderSettings } from "@/lib/ai/providers";
import { modelLabel, normalize } from "./terms";

const BATCH = 96;

export type Embedded = { model: string; vectors: number[][] };

/**
 * Embeds texts in batches with the provider's embedding model; null when the provider has none (the document is then
 * searched by full-text only). Vectors are stored at unit length, so retrieval's cosine is a plain dot product.
 * `onProgress(done, total)` is called after each batch.
 */
export async function embedTexts(provider: ProviderSettings | null, texts: string[], onProgress?: (done: number, total: number) => Promise<void> | void): Promise<Embedded | null> {
  const model = provider ? embeddingModel(provider) : null;
  if (!model || !texts.length) return null;
  const vectors: number[][] = [];
  for (let i = 0; i < texts.length; i += BATCH) {
    const { embeddings } = await embedMany({ model, values: texts.slice(i, i + BATCH), maxParallelCalls: 2, maxRetries: 2 });
    for (const e of embeddings) vectors.push(Array.from(normalize(Float32Array.from(e))));
    await onProgress?.(vectors.length, texts.length);
  }
  return { model: modelLabel(model), vectors };
}
