import { findActiveConfig, findPreset, type BotConfigRow, type BotPresetRow } from "@/db/queries/bot-settings";
import type { AiProvider, WritingAssistConfig } from "@/db/schema";
import { needsApiKey, type ProviderSettings } from "@/lib/ai/providers";
import { decryptSecret } from "@/lib/crypto/secrets";
import { getBotSettings } from "./settings";

type ProviderFields = { provider: AiProvider | null; model: string | null; baseUrl: string | null; apiKeyEnc: string | null; embeddingModel: string | null };

/** Settings that can actually call a model, or null (no provider, no model, a missing key, LOCAL without a URL). */
export function usableProvider(fields: ProviderFields): ProviderSettings | null {
  if (!fields.provider || !fields.model) return null;
  if (needsApiKey(fields.provider) && !fields.apiKeyEnc) return null;
  if (fields.provider === "LOCAL" && !fields.baseUrl) return null;
  return {
    provider: fields.provider,
    model: fields.model,
    baseUrl: fields.baseUrl,
    apiKey: fields.apiKeyEnc ? decryptSecret(fields.apiKeyEnc) : null,
    embeddingModel: fields.embeddingModel,
  };
}

/** The provider fields a config uses: its preset's when it names one, else its own. */
export async function providerFieldsOf(config: BotConfigRow): Promise<ProviderFields & { preset: BotPresetRow | null }> {
  const preset = config.presetId ? ((await findPreset(config.orgId, config.presetId)) ?? null) : null;
  return { ...(preset ?? config), embeddingModel: preset?.embeddingModel ?? config.embeddingModel, preset };
}

/** The model settings of a config (the active one when none is given); null when the org has no usable provider. */
export async function providerOf(orgId: number, config?: BotConfigRow | null): Promise<ProviderSettings | null> {
  const c = config === undefined ? await findActiveConfig(orgId) : config;
  if (!c) return null;
  return usableProvider(await providerFieldsOf(c));
}

/**
 * Writing assist uses its own preset when the org chose one, else the active bot config's provider. `settings`: the
 * org's writing-assist settings when the caller already read them.
 */
export async function writingAssistProvider(orgId: number, settings?: WritingAssistConfig): Promise<ProviderSettings | null> {
  const writingAssist = settings ?? (await getBotSettings(orgId)).writingAssist;
  if (writingAssist.presetId) {
    const preset = await findPreset(orgId, writingAssist.presetId);
    if (preset) return usableProvider(preset);
  }
  return providerOf(orgId);
}
