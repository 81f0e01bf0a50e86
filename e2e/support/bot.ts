import { expect, type APIRequestContext } from "@playwright/test";

/**
 * The seeded organization has an active bot that answers new conversations first. Specs about the people's side of
 * the inbox turn it off so that what they assert is not interleaved with the bot's answers (the bot's own spec turns it
 * back on). New conversations follow within a second (the webhook's bot gate is cached that long per process).
 */
export async function turnBotOff(request: APIRequestContext, authorization: string) {
  const res = await request.put("/api/v1/config/bot-enabled", { headers: { authorization }, data: { enabled: false } });
  expect(res.status(), await res.text()).toBe(200);
}
