import { randomUUID } from "node:crypto";
import { getDb } from "@/db/client";
import { botTemplates, botTraces } from "@/db/schema";
import { randomToken } from "@/lib/crypto/tokens";

/** Test rows of the bot library (templates are platform-wide; traces are written by the engine in production). */

export const createBotTemplateRow = async (values: Partial<typeof botTemplates.$inferInsert> = {}) =>
  (
    await getDb()
      .insert(botTemplates)
      .values({
        name: "Hidden template",
        slug: `tpl-${randomToken(4).toLowerCase().replace(/[^a-z0-9]/g, "x")}`,
        payload: { format: "cx-inbox-bot", version: 1, tier: "config", exportedAt: new Date().toISOString(), config: { name: "T" }, intents: [] },
        ...values,
      })
      .returning()
  )[0];

export const createTrace = async (org: { id: number }, values: Partial<typeof botTraces.$inferInsert> = {}) =>
  (
    await getDb()
      .insert(botTraces)
      .values({ traceId: randomUUID(), orgId: org.id, source: "SANDBOX", input: "hola", output: "¡Hola!", outcome: "ANSWERED", latencyMs: 100, ...values })
      .returning()
  )[0];
