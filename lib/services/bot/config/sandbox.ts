import { generateText } from "ai";
import type { AiProvider } from "@/db/schema";
import { languageModel, needsApiKey, PROVIDER_MODELS } from "@/lib/ai/providers";
import type { Ctx } from "@/lib/api/context";
import { AppError, errors } from "@/lib/api/errors";
import { scrubSecrets } from "@/lib/crypto/secrets";
import { safeFetch } from "@/lib/net/safe-fetch";
import { runTurn } from "../engine/turn";
import { providerOf } from "../provider";
import { recordUsage } from "../usage";
import { targetConfig } from "./load";
import { authHeaders, checkProviderFields, fetchServerModels, KeyRefusedError, keyFor, storedProvider, trimUrl } from "./models";

const LLM_TIMEOUT_MS = 30_000;
const elapsed = (start: number) => Math.round(performance.now() - start);
const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e)).slice(0, 500);

/** POST /bot-config/test: one call to the config's model with its system prompt, nothing else. */
export async function testLlm(ctx: Ctx, input: { message: string; configId?: number }) {
  const config = await targetConfig(ctx, input.configId);
  const settings = await providerOf(ctx.orgId, config);
  if (!settings) throw errors.notConfigured("AI provider", "Configure an AI provider (provider, model and key) in Bot → Settings to test the model");
  const start = performance.now();
  try {
    const result = await generateText({
      model: languageModel(settings),
      instructions: config.systemPrompt || undefined,
      prompt: input.message,
      temperature: config.temperature,
      maxOutputTokens: config.maxTokens,
      maxRetries: 0,
      timeout: LLM_TIMEOUT_MS,
    });
    const usage = { inputTokens: result.usage.inputTokens ?? 0, outputTokens: result.usage.outputTokens ?? 0 };
    // Tokens cost money even when no customer was answered: they count, the message budget does not.
    await recordUsage(ctx.orgId, { messages: 0, ...usage, model: settings.model });
    return { reply: result.text, provider: settings.provider, model: settings.model, latencyMs: elapsed(start), usage };
  } catch (e) {
    throw new AppError("PROVIDER_ERROR", 502, `The provider failed: ${errorText(e)}`);
  }
}

/** POST /bot-config/test-sandbox: the whole engine for one message of a chat whose history the client keeps. */
export async function testSandbox(ctx: Ctx, input: { message: string; history?: { role: "user" | "assistant"; content: string }[]; configId?: number }) {
  const config = await targetConfig(ctx, input.configId);
  return runTurn({ orgId: ctx.orgId, config, text: input.message, history: input.history ?? [], source: "SANDBOX" });
}

type ValidateInput = { provider: AiProvider; apiKey?: string; model?: string; baseUrl?: string; presetId?: number; configId?: number };
type Verdict = { valid: boolean; error?: string; latencyMs: number };

/** A server behind a typed base URL is asked through the SSRF guard: its model list, else a one-token completion. */
async function probeServer(provider: AiProvider, root: string, apiKey: string | null, model: string | undefined): Promise<Omit<Verdict, "latencyMs">> {
  try {
    await fetchServerModels(provider, root, apiKey);
    return { valid: true };
  } catch (e) {
    if (e instanceof KeyRefusedError || !model) return { valid: false, error: errorText(e) };
  }
  try {
    const res = await safeFetch(`${trimUrl(root)}/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json", ...authHeaders(provider, apiKey) },
      body: JSON.stringify({ model, messages: [{ role: "user", content: "ping" }], max_tokens: 1 }),
      timeoutMs: 15_000,
    });
    if (res.status >= 200 && res.status < 300) return { valid: true };
    return { valid: false, error: `The server answered HTTP ${res.status}` };
  } catch (e) {
    return { valid: false, error: errorText(e) };
  }
}

/** POST /bot-config/validate-key: a real minimal call; a refused key is an answer (valid: false), not a failure. */
export async function validateKey(ctx: Ctx, input: ValidateInput): Promise<Verdict> {
  const baseUrl = input.baseUrl?.trim() || null;
  // Shape only here: a LOCAL base URL may come from the stored preset or config.
  checkProviderFields({ provider: null, baseUrl, baseUrlChanged: true });
  const stored = input.apiKey ? null : await storedProvider(ctx, input.provider, { presetId: input.presetId, configId: input.configId });
  const apiKey = input.apiKey ?? keyFor(stored, baseUrl);
  const root = baseUrl ?? (input.apiKey ? null : (stored?.baseUrl ?? null));
  if (input.provider === "LOCAL" && !root) throw errors.validation("A LOCAL provider needs a base URL", [{ path: "baseUrl", message: "is required for LOCAL" }]);
  if (needsApiKey(input.provider) && !apiKey) {
    throw errors.notConfigured("AI provider", "Enter an API key, or configure an AI provider in Bot → Settings, to validate keys");
  }
  const model = input.model ?? stored?.model ?? PROVIDER_MODELS[input.provider].find((m) => !m.embedding)?.id;
  const start = performance.now();
  const verdict = root ? await probeServer(input.provider, root, apiKey, model) : await callModel(input.provider, model!, apiKey);
  // Some providers echo the key they refused: it never goes back out.
  const error = verdict.error && apiKey ? scrubSecrets(verdict.error, [apiKey]) : verdict.error;
  return { valid: verdict.valid, ...(error ? { error } : {}), latencyMs: elapsed(start) };
}

async function callModel(provider: AiProvider, model: string, apiKey: string | null): Promise<Omit<Verdict, "latencyMs">> {
  try {
    await generateText({ model: languageModel({ provider, model, apiKey }), prompt: "ping", maxOutputTokens: 1, maxRetries: 0, timeout: 15_000 });
    return { valid: true };
  } catch (e) {
    return { valid: false, error: errorText(e) };
  }
}
