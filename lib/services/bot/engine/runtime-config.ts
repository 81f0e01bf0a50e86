import { getDb } from "@/db/client";
import type { BotMode } from "@/db/schema";
import type { Ctx } from "@/lib/api/context";
import { errors } from "@/lib/api/errors";
import { assertPublicUrlShape, BlockedUrlError } from "@/lib/net/safe-fetch";
import { audit } from "@/lib/services/audit";
import { getBotSettings, saveBotSettings } from "@/lib/services/bot/settings";

/** /config/bot-enabled and /config/bot-mode: the org-wide switches of the bot, whatever config is active. */

export async function getBotEnabled(ctx: Ctx) {
  return { enabled: (await getBotSettings(ctx.orgId)).enabled };
}

export async function setBotEnabled(ctx: Ctx, input: { enabled: boolean }) {
  const previous = (await getBotSettings(ctx.orgId)).enabled;
  return getDb().transaction(async (tx) => {
    const saved = await saveBotSettings(ctx.orgId, { enabled: input.enabled }, tx);
    if (previous !== saved.enabled) await audit(ctx, "bot.enabled_changed", { type: "bot_settings", id: ctx.orgId }, { enabled: saved.enabled }, tx);
    return { enabled: saved.enabled };
  });
}

export async function getBotMode(ctx: Ctx): Promise<BotMode> {
  return (await getBotSettings(ctx.orgId)).mode;
}

/** The external webhook must be an http(s) URL without credentials; the EXTERNAL engine needs one. */
export async function setBotMode(ctx: Ctx, patch: Partial<BotMode>): Promise<BotMode> {
  const current = (await getBotSettings(ctx.orgId)).mode;
  const next = { ...current, ...patch };
  if (next.externalWebhookUrl) {
    try {
      next.externalWebhookUrl = assertPublicUrlShape(next.externalWebhookUrl).toString();
    } catch (e) {
      if (e instanceof BlockedUrlError) throw errors.validation("Invalid bot mode", [{ path: "externalWebhookUrl", message: e.message }]);
      throw e;
    }
  }
  if (next.engine === "EXTERNAL" && !next.externalWebhookUrl) {
    throw errors.validation("Invalid bot mode", [{ path: "externalWebhookUrl", message: "is required when engine is EXTERNAL" }]);
  }
  // Field names only: the webhook URL may carry a token of the external workflow.
  const fields = (Object.keys(next) as (keyof BotMode)[]).filter((k) => next[k] !== current[k]);
  return getDb().transaction(async (tx) => {
    const saved = (await saveBotSettings(ctx.orgId, { mode: next }, tx)).mode;
    if (fields.length) await audit(ctx, "bot.mode_changed", { type: "bot_settings", id: ctx.orgId }, { fields, engine: saved.engine }, tx);
    return saved;
  });
}
