import { findPreset } from "@/db/queries/bot-settings";
import type { AiProvider } from "@/db/schema";
import { PROVIDER_MODELS, type ModelInfo } from "@/lib/ai/providers";
import type { Ctx } from "@/lib/api/context";
import { errors } from "@/lib/api/errors";
import { assertPublicUrlShape, BlockedUrlError, safeFetch } from "@/lib/net/safe-fetch";
import { decryptSecret } from "@/lib/crypto/secrets";
import { providerFieldsOf } from "../provider";
import { namedOrCurrentConfig } from "./load";

/** Default API roots of the providers whose model lists we can read with a plain HTTP call. */
export const API_ROOTS: Partial<Record<AiProvider, string>> = {
  OPENAI: "https://api.openai.com/v1",
  DEEPSEEK: "https://api.deepseek.com/v1",
  KIMI: "https://api.moonshot.ai/v1",
  ANTHROPIC: "https://api.anthropic.com/v1",
  GOOGLE: "https://generativelanguage.googleapis.com/v1beta",
};

export const trimUrl = (url: string | null | undefined) => url?.trim().replace(/\/+$/, "") || null;

/** Base URLs are typed by admins: http(s) only (400 on `baseUrl`); LOCAL cannot work without one. */
export function checkProviderFields(f: { provider: AiProvider | null; baseUrl: string | null; baseUrlChanged: boolean }) {
  if (f.baseUrl && f.baseUrlChanged) {
    try {
      assertPublicUrlShape(f.baseUrl);
    } catch (e) {
      if (e instanceof BlockedUrlError) throw errors.validation("Invalid base URL", [{ path: "baseUrl", message: e.message }]);
      throw e;
    }
  }
  if (f.provider === "LOCAL" && !f.baseUrl) throw errors.validation("A LOCAL provider needs a base URL", [{ path: "baseUrl", message: "is required for LOCAL" }]);
}

export type StoredProvider = { provider: AiProvider; model: string | null; baseUrl: string | null; apiKey: string | null };

/** The org's saved settings for `provider`: the preset named, else the config (or the active one) when it uses that provider. */
export async function storedProvider(ctx: Ctx, provider: AiProvider, ref: { presetId?: number; configId?: number }): Promise<StoredProvider | null> {
  let fields: { provider: AiProvider | null; model: string | null; baseUrl: string | null; apiKeyEnc: string | null } | undefined;
  if (ref.presetId) {
    fields = await findPreset(ctx.orgId, ref.presetId);
    if (!fields) throw errors.notFound("Preset");
  } else {
    const config = await namedOrCurrentConfig(ctx, ref.configId);
    fields = config ? await providerFieldsOf(config) : undefined;
  }
  if (!fields || fields.provider !== provider) return null;
  return { provider, model: fields.model, baseUrl: fields.baseUrl, apiKey: fields.apiKeyEnc ? decryptSecret(fields.apiKeyEnc) : null };
}

/**
 * A stored key only travels to the base URL it was saved with: a caller naming another URL gets no key (otherwise
 * anyone allowed to list models could send the org's key to a server of theirs).
 */
export function keyFor(stored: StoredProvider | null, baseUrl: string | null) {
  if (!stored) return null;
  return trimUrl(baseUrl) === trimUrl(stored.baseUrl) || !baseUrl ? stored.apiKey : null;
}

export function authHeaders(provider: AiProvider, apiKey: string | null): Record<string, string> {
  if (!apiKey) return {};
  if (provider === "ANTHROPIC") return { "x-api-key": apiKey, "anthropic-version": "2023-06-01" };
  if (provider === "GOOGLE") return { "x-goog-api-key": apiKey };
  return { authorization: `Bearer ${apiKey}` };
}

export class KeyRefusedError extends Error {}

/** GET {root}/models through the SSRF guard. Throws KeyRefusedError on 401/403, Error on other failures. */
export async function fetchServerModels(provider: AiProvider, root: string, apiKey: string | null): Promise<ModelInfo[]> {
  const res = await safeFetch(`${trimUrl(root)}/models`, { headers: { accept: "application/json", ...authHeaders(provider, apiKey) }, timeoutMs: 8_000, maxBytes: 2_000_000 });
  if (res.status === 401 || res.status === 403) throw new KeyRefusedError(`The provider refused the key (HTTP ${res.status})`);
  if (res.status < 200 || res.status >= 300) throw new Error(`The server answered HTTP ${res.status}`);
  const body = res.json() as { data?: { id?: string; display_name?: string }[]; models?: { name?: string; displayName?: string }[] };
  const list = body.data?.map((m) => ({ id: m.id ?? "", name: m.display_name ?? m.id ?? "" })) ?? body.models?.map((m) => ({ id: (m.name ?? "").replace(/^models\//, ""), name: m.displayName ?? m.name ?? "" })) ?? [];
  return list.filter((m) => m.id).map((m) => ({ ...m, ...(/embed/i.test(m.id) ? { embedding: true } : {}) }));
}

/** OpenAI lists image, audio and moderation models too: the builder only offers chat and embedding ones. */
const OPENAI_USEFUL = /^(gpt-|o\d|chatgpt-|text-embedding-)/;

export async function listModels(ctx: Ctx, query: { provider: AiProvider; presetId?: number; baseUrl?: string }) {
  const fallback = PROVIDER_MODELS[query.provider];
  const stored = await storedProvider(ctx, query.provider, { presetId: query.presetId });
  const baseUrl = query.baseUrl?.trim() || stored?.baseUrl || null;
  const apiKey = keyFor(stored, query.baseUrl ?? null);
  const askServer = query.provider === "LOCAL" ? Boolean(baseUrl) : query.provider === "OPENAI" && Boolean(apiKey);
  if (!askServer) return { data: fallback, source: "static" as const };
  try {
    const models = await fetchServerModels(query.provider, baseUrl ?? API_ROOTS[query.provider]!, apiKey);
    const data = query.provider === "OPENAI" ? models.filter((m) => OPENAI_USEFUL.test(m.id)) : models;
    return { data: data.sort((a, b) => a.id.localeCompare(b.id)), source: "server" as const };
  } catch (e) {
    return { data: fallback, source: "static" as const, error: e instanceof Error ? e.message : "The server could not be reached" };
  }
}
