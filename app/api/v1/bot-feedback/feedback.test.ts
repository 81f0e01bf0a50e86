import { describe, expect, it } from "vitest";
import { normalizeRating } from "@/lib/services/bot/feedback";
import { getDb, messages, teams } from "@/lib/testing/db";
import { createApiKey, createTeam } from "@/lib/testing/factories";
import { call } from "@/lib/testing/http";
import { createConversation } from "@/lib/services/messages/testing";
import { conversations } from "@/lib/testing/db";
import { eq } from "drizzle-orm";
import { GET as listRoute, POST as submitRoute } from "./route";

type Conv = { id: number; orgId: number };
const message = async (conv: Conv, values: Partial<typeof messages.$inferInsert> = {}) =>
  (
    await getDb()
      .insert(messages)
      .values({ orgId: conv.orgId, conversationId: conv.id, direction: "OUTBOUND", type: "TEXT", body: "We open at nine", status: "SENT", senderType: "BOT", ...values })
      .returning()
  )[0];

describe("bot feedback", () => {
  it("maps thumbs and stars", () => {
    expect([-1, 0, 1].map((r) => normalizeRating(r))).toEqual([-1, 0, 1]);
    expect([2, 3, 4, 5].map((r) => normalizeRating(r))).toEqual([-1, 0, 1, 1]);
    expect([1, 2, 3, 4, 5].map((r) => normalizeRating(r, "stars"))).toEqual([-1, -1, 0, 1, 1]);
    expect(() => normalizeRating(0, "stars")).toThrow();
  });

  it("rates bot messages once per person, and lists them newest first", async () => {
    const { org, agentToken, adminToken, agent } = await createTeam();
    const { conversation } = await createConversation(org);
    const bot = await message(conversation);
    const body = { messageId: String(bot.id), conversationId: String(conversation.id), rating: 1, comment: " Good " };

    const first = await call(submitRoute, { token: agentToken, body });
    expect(first.status, JSON.stringify(first.json)).toBe(201);
    expect(first.json).toMatchObject({ rating: 1, comment: "Good", user: { id: String(agent.id), name: "Alan Agent" }, messagePreview: "We open at nine" });
    const again = await call(submitRoute, { token: agentToken, body: { ...body, rating: 2, scale: "stars", comment: null } });
    expect(again.json).toMatchObject({ id: first.json.id, rating: -1, comment: null });
    await call(submitRoute, { token: adminToken, body: { ...body, rating: 5 } });

    const page1 = await call(listRoute, { token: agentToken, query: { limit: "1" } });
    expect(page1.json.data).toHaveLength(1);
    expect(page1.json.data[0].rating).toBe(1);
    const page2 = await call(listRoute, { token: agentToken, query: { limit: "1", cursor: page1.json.nextCursor } });
    expect(page2.json.data[0]).toMatchObject({ id: first.json.id, rating: -1 });
    expect(page2.json.nextCursor).toBeNull();
    expect((await call(listRoute, { token: agentToken, query: { cursor: "garbage" } })).status).toBe(400);
  });

  it("only on the bot's outbound messages in a conversation the agent may see", async () => {
    const { org, agentToken, adminToken } = await createTeam();
    const { conversation } = await createConversation(org);
    const rate = (m: { id: number }, conv: Conv = conversation, token = agentToken) =>
      call(submitRoute, { token, body: { messageId: m.id, conversationId: conv.id, rating: -1 } });

    const agentMsg = await message(conversation, { senderType: "AGENT" });
    const inbound = await message(conversation, { direction: "INBOUND", senderType: "CUSTOMER", status: "RECEIVED" });
    expect((await rate(agentMsg)).json.error.code).toBe("NOT_A_BOT_MESSAGE");
    expect((await rate(inbound)).status).toBe(422);

    // A message of another conversation, or a conversation of a team the agent is not in: 404.
    const other = (await createConversation(org)).conversation;
    const otherBot = await message(other);
    expect((await rate(otherBot)).status).toBe(404);
    const [team] = await getDb().insert(teams).values({ orgId: org.id, name: "VIP" }).returning();
    await getDb().update(conversations).set({ teamId: team.id }).where(eq(conversations.id, other.id));
    expect((await rate(otherBot, other)).status).toBe(404);
    expect((await rate(otherBot, other, adminToken)).status).toBe(201);
    // …and the agent does not see that rating in the list.
    expect((await call(listRoute, { token: agentToken })).json.data).toEqual([]);
    expect((await call(listRoute, { token: adminToken })).json.data).toHaveLength(1);

    const foreign = await createTeam();
    const foreignConv = (await createConversation(foreign.org)).conversation;
    expect((await rate(await message(foreignConv), foreignConv)).status).toBe(404);

    const key = await createApiKey(org);
    expect((await call(submitRoute, { headers: { authorization: `Bearer ${key.secret}` }, body: { messageId: 1, conversationId: 1, rating: 1 } })).status).toBe(403);
    expect((await call(submitRoute, { token: agentToken, body: { messageId: 1, conversationId: 1, rating: 7 } })).status).toBe(400);
  });
});
