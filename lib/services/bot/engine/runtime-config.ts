import type { BotMode } from "@/db/schema";
import type { Ctx } from "@/lib/api/context";
import { errors } from "@/lib/api/errors";
import { assertPublicUrlShape, BlockedUrlError } from "@/lib/net/safe-fetch";
import { getBotSettings, saveBotSettings } from "@/lib/services/bot/settings";

/** /config/bot-enabled and /config/bot-mode: the org-wide switches of the bot, whatever config is active. */

export async function getBotEnabled(ctx: Ctx) {
  return { enabled: (await getBotSettings(ctx.orgId)).enabled };
}

export async function setBotEnabled(ctx: Ctx, input: { enabled: boolean }) {
  return { enabled: (await saveBotSettings(ctx.orgId, { enabled: input.enabled })).enabled };
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
  return (await saveBotSettings(ctx.orgId, { mode: next })).mode;
}
