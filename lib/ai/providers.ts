import { createAnthropic } from "@ai-sdk/anthropic";
import { createDeepSeek } from "@ai-sdk/deepseek";
import { createGoogle } from "@ai-sdk/google";
import { createOpenAI } from "@ai-sdk/openai";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import type { EmbeddingModel, LanguageModel } from "ai";
import type { AiProvider } from "@/db/schema/bot";

/**
 * The one place that turns an organization's provider settings into AI SDK models. Everything that talks to an LLM
 * (bot engine, sandbox, writing assist, hand-off summaries, agent tools, embeddings) resolves its model here.
 */

export type ProviderSettings = {
  provider: AiProvider;
  model: string;
  /** Plain key (decrypted by the caller); LOCAL servers often need none. */
  apiKey?: string | null;
  baseUrl?: string | null;
  embeddingModel?: string | null;
};

/** Kimi (Moonshot) speaks the OpenAI chat-completions protocol. */
const KIMI_BASE_URL = "https://api.moonshot.ai/v1";

export type ModelInfo = { id: string; name: string; contextWindow?: number; embedding?: boolean };

/** Models offered in the builder per provider (any other id can still be typed in). LOCAL lists what the server has. */
export const PROVIDER_MODELS: Record<AiProvider, ModelInfo[]> = {
  OPENAI: [
    { id: "gpt-4.1-mini", name: "GPT-4.1 mini", contextWindow: 1_047_576 },
    { id: "gpt-4.1", name: "GPT-4.1", contextWindow: 1_047_576 },
    { id: "gpt-4o-mini", name: "GPT-4o mini", contextWindow: 128_000 },
    { id: "gpt-4o", name: "GPT-4o", contextWindow: 128_000 },
    { id: "text-embedding-3-small", name: "text-embedding-3-small", embedding: true },
  ],
  ANTHROPIC: [
    { id: "claude-sonnet-4-5", name: "Claude Sonnet 4.5", contextWindow: 200_000 },
    { id: "claude-haiku-4-5", name: "Claude Haiku 4.5", contextWindow: 200_000 },
  ],
  GOOGLE: [
    { id: "gemini-2.5-flash", name: "Gemini 2.5 Flash", contextWindow: 1_048_576 },
    { id: "gemini-2.5-pro", name: "Gemini 2.5 Pro", contextWindow: 1_048_576 },
    { id: "gemini-embedding-001", name: "gemini-embedding-001", embedding: true },
  ],
  DEEPSEEK: [
    { id: "deepseek-chat", name: "DeepSeek Chat", contextWindow: 128_000 },
    { id: "deepseek-reasoner", name: "DeepSeek Reasoner", contextWindow: 128_000 },
  ],
  KIMI: [
    { id: "kimi-k2-0905-preview", name: "Kimi K2", contextWindow: 256_000 },
    { id: "moonshot-v1-32k", name: "Moonshot v1 32k", contextWindow: 32_000 },
  ],
  LOCAL: [],
};

/** The embedding model used for the knowledge base when the settings name none (null: the provider has none). */
export const DEFAULT_EMBEDDING_MODEL: Record<AiProvider, string | null> = {
  OPENAI: "text-embedding-3-small",
  GOOGLE: "gemini-embedding-001",
  ANTHROPIC: null,
  DEEPSEEK: null,
  KIMI: null,
  LOCAL: null,
};

/** Providers whose key is required (LOCAL servers usually run without one). */
export const needsApiKey = (provider: AiProvider) => provider !== "LOCAL";

type Overrides = { language?: (s: ProviderSettings) => LanguageModel | undefined; embedding?: (s: ProviderSettings) => EmbeddingModel | undefined };
const holder: { overrides?: Overrides } = ((globalThis as { __cxAiOverrides?: { overrides?: Overrides } }).__cxAiOverrides ??= {});

/** Tests put `ai/test` mock models in place of the real providers; returns the function that removes them. */
export function overrideModels(overrides: Overrides) {
  holder.overrides = overrides;
  return () => void (holder.overrides = undefined);
}

const baseUrl = (s: ProviderSettings) => s.baseUrl?.trim().replace(/\/+$/, "") || undefined;
const apiKey = (s: ProviderSettings) => s.apiKey ?? "";

function compatible(s: ProviderSettings, name: string, url: string | undefined) {
  if (!url) throw new Error(`${name} needs a base URL`);
  return createOpenAICompatible({ name, baseURL: url, apiKey: s.apiKey || undefined });
}

export function languageModel(s: ProviderSettings): LanguageModel {
  const overridden = holder.overrides?.language?.(s);
  if (overridden) return overridden;
  switch (s.provider) {
    case "OPENAI":
      return createOpenAI({ apiKey: apiKey(s), baseURL: baseUrl(s) }).chat(s.model);
    case "ANTHROPIC":
      return createAnthropic({ apiKey: apiKey(s), baseURL: baseUrl(s) })(s.model);
    case "GOOGLE":
      return createGoogle({ apiKey: apiKey(s), baseURL: baseUrl(s) })(s.model);
    case "DEEPSEEK":
      return createDeepSeek({ apiKey: apiKey(s), baseURL: baseUrl(s) })(s.model);
    case "KIMI":
      return compatible(s, "kimi", baseUrl(s) ?? KIMI_BASE_URL).chatModel(s.model);
    case "LOCAL":
      return compatible(s, "local", baseUrl(s)).chatModel(s.model);
  }
}

/** The embedding model of these settings, or null when the provider offers none (retrieval then uses full-text only). */
export function embeddingModel(s: ProviderSettings): EmbeddingModel | null {
  const overridden = holder.overrides?.embedding?.(s);
  if (overridden) return overridden;
  const id = s.embeddingModel || DEFAULT_EMBEDDING_MODEL[s.provider];
  if (!id) return null;
  switch (s.provider) {
    case "OPENAI":
      return createOpenAI({ apiKey: apiKey(s), baseURL: baseUrl(s) }).embedding(id);
    case "GOOGLE":
      return createGoogle({ apiKey: apiKey(s), baseURL: baseUrl(s) }).embedding(id);
    case "LOCAL":
      return compatible(s, "local", baseUrl(s)).embeddingModel(id);
    case "KIMI":
      return compatible(s, "kimi", baseUrl(s) ?? KIMI_BASE_URL).embeddingModel(id);
    default:
      return null;
  }
}

/** Rough price per million tokens (input, output) in US dollars, for usage estimates; unknown models cost 0. */
const PRICES: Record<string, [number, number]> = {
  "gpt-4.1-mini": [0.4, 1.6],
  "gpt-4.1": [2, 8],
  "gpt-4o-mini": [0.15, 0.6],
  "gpt-4o": [2.5, 10],
  "claude-sonnet-4-5": [3, 15],
  "claude-haiku-4-5": [1, 5],
  "gemini-2.5-flash": [0.3, 2.5],
  "gemini-2.5-pro": [1.25, 10],
  "deepseek-chat": [0.27, 1.1],
  "deepseek-reasoner": [0.55, 2.19],
};

/** Estimated cost in millionths of a dollar. */
export function costMicros(model: string | null | undefined, inputTokens: number, outputTokens: number) {
  const price = model ? PRICES[model] : undefined;
  if (!price) return 0;
  return Math.round(inputTokens * price[0] + outputTokens * price[1]);
}
