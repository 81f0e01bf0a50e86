import { findPreset } from "@/db/queries/bot-settings";
import type { Tx } from "@/db/client";
import type { Ctx } from "@/lib/api/context";
import { errors } from "@/lib/api/errors";
import { decryptSecret, encryptSecret, maskEncrypted } from "@/lib/crypto/secrets";
import { audit } from "@/lib/services/audit";
import { targetConfig } from "./load";

type MaskedKey = { isSet: boolean; masked: string | null };

/**
 * Provider keys are write-only in the API: `apiKey: "sk-…"` sets, `null` clears, absent keeps. Answers show
 * maskedKeySchema.
 */
export function maskedKey(enc: string | null): MaskedKey {
  return enc ? { isSet: true, masked: maskEncrypted(enc) } : { isSet: false, masked: null };
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

/** Audits an `apiKey` input that changed the key (set or cleared; never the key itself). */
export async function auditKeyChange(ctx: Ctx, target: { type: "bot_config" | "bot_preset"; id: number }, apiKey: string | null | undefined, tx: Tx) {
  if (apiKey !== undefined) await audit(ctx, "bot.key_changed", target, { cleared: apiKey === null }, tx);
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
    target = { type: "bot_config", ...(await targetConfig(ctx, query.configId)) };
  }
  if (!target.apiKeyEnc) return { apiKey: null };
  const apiKey = decryptSecret(target.apiKeyEnc);
  await audit(ctx, "bot.key_revealed", { type: target.type, id: target.id });
  return { apiKey };
}
