import { embedMany, type EmbeddingModel } from "ai";
import { embeddingModel, type ProviderSettings } from "@/lib/ai/providers";
import { modelLabel, normalize } from "./terms";

const BATCH = 96;

/**
 * Dimensions asked of providers whose models can shorten their vectors (OpenAI text-embedding-3, Gemini embedding):
 * retrieval scans every vector of the org exactly, so 1536 or 3072 dimensions would cost 3–6× the time and memory for
 * a few tenths of a point of quality. Other models (LOCAL servers) give their native size: they may reject the option.
 */
function shortenedDimensions(provider: ProviderSettings, model: EmbeddingModel): number | undefined {
  const id = typeof model === "string" ? model : model.modelId;
  if (provider.provider === "OPENAI" && /^text-embedding-3/.test(id)) return 512;
  if (provider.provider === "GOOGLE" && /embedding/.test(id)) return 768;
  return undefined;
}

export type EmbeddingSpec = { model: EmbeddingModel; label: string; dimensions: number | undefined };

/** The provider's embedding model, the dimensions we ask of it, and the label stored on documents; null when it has none. */
export function embeddingSpec(provider: ProviderSettings | null): EmbeddingSpec | null {
  const model = provider ? embeddingModel(provider) : null;
  if (!provider || !model) return null;
  const dimensions = shortenedDimensions(provider, model);
  return { model, dimensions, label: dimensions ? `${modelLabel(model)}@${dimensions}` : modelLabel(model) };
}

export type Embedded = { model: string; vectors: number[][] };

/**
 * Embeds texts in batches with the provider's embedding model; null when the provider has none (the document is then
 * searched by full-text only). Vectors are stored at unit length, so retrieval's cosine is a plain dot product.
 * `onProgress(done, total)` is called after each batch.
 */
export async function embedTexts(provider: ProviderSettings | null, texts: string[], onProgress?: (done: number, total: number) => Promise<void> | void): Promise<Embedded | null> {
  const spec = embeddingSpec(provider);
  if (!spec || !texts.length) return null;
  const vectors: number[][] = [];
  for (let i = 0; i < texts.length; i += BATCH) {
    const { embeddings } = await embedMany({ model: spec.model, values: texts.slice(i, i + BATCH), dimensions: spec.dimensions, maxParallelCalls: 2, maxRetries: 2 });
    for (const e of embeddings) vectors.push(Array.from(normalize(Float32Array.from(e))));
    await onProgress?.(vectors.length, texts.length);
  }
  return { model: spec.label, vectors };
}
