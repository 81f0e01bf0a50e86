import { findConfig, findCurrentConfig } from "@/db/queries/bot-config";
import { findPreset } from "@/db/queries/bot-settings";
import type { Ctx } from "@/lib/api/context";
import { errors } from "@/lib/api/errors";
import { decryptSecret, encryptSecret, maskSecret } from "@/lib/crypto/secrets";
import { audit } from "@/lib/services/audit";

type MaskedKey = { isSet: boolean; masked: string | null };

/**
 * Provider keys are write-only in the API: `apiKey: "sk-…"` sets, `null` clears, absent keeps. Answers show
 * maskedKeySchema.
 */
export function maskedKey(enc: string | null): MaskedKey {
  if (!enc) return { isSet: false, masked: null };
  try {
    return { isSet: true, masked: maskSecret(decryptSecret(enc)) };
  } catch {
    // A key encrypted under a rotated-away ENCRYPTION_KEY: set, but unreadable until re-entered.
    return { isSet: true, masked: "••••" };
  }
}

type ProviderColumns = {
  provider: unknown;
  model: unknown;
  baseUrl: string | null;
  apiKeyEnc: string | null;
  embeddingModel: string | null;
  temperature: number | null;
  maxTokens: number | null;
};

/** The provider fields of a preset or a config as the API shows them: the key masked. */
export function providerFieldsDto<R extends ProviderColumns>(row: R): Pick<R, Exclude<keyof ProviderColumns, "apiKeyEnc">> & { apiKey: MaskedKey } {
  return {
    provider: row.provider,
    model: row.model,
    baseUrl: row.baseUrl,
    apiKey: maskedKey(row.apiKeyEnc),
    embeddingModel: row.embeddingModel,
    temperature: row.temperature,
    maxTokens: row.maxTokens,
  };
}

/** The column patch for an `apiKey` input (undefined: no change). */
export function keyPatch(apiKey: string | null | undefined): { apiKeyEnc?: string | null } {
  if (apiKey === undefined) return {};
  return { apiKeyEnc: apiKey ? encryptSecret(apiKey) : null };
}

/**
 * GET /bot-config/reveal-key: the plain key of a preset, a config, or the current config (null when none is set).
 * Every reveal is audited (never the key itself).
 */
export async function revealKey(ctx: Ctx, query: { configId?: number; presetId?: number }) {
  let target: { type: string; id: number; apiKeyEnc: string | null } | undefined;
  if (query.presetId) {
    const preset = await findPreset(ctx.orgId, query.presetId);
    if (!preset) throw errors.notFound("Preset");
    target = { type: "bot_preset", ...preset };
  } else {
    const config = query.configId ? await findConfig(ctx.orgId, query.configId) : await findCurrentConfig(ctx.orgId);
    if (!config) throw errors.notFound("Bot config");
    target = { type: "bot_config", ...config };
  }
  if (!target.apiKeyEnc) return { apiKey: null };
  const apiKey = decryptSecret(target.apiKeyEnc);
  await audit(ctx, "bot.key_revealed", { type: target.type, id: target.id });
  return { apiKey };
}
