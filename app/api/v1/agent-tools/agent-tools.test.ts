import { and, eq } from "drizzle-orm";
import { MockLanguageModelV4 } from "ai/test";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { botTools, conversations, getDb, messages, teamMembers, teams } from "@/lib/testing/db";
import { overrideModels } from "@/lib/ai/providers";
import { allowOutbound, fakeServer, json } from "@/lib/services/bot/tools/fake-server";
import { createConversation, createInbound } from "@/lib/services/messages/testing";
import { createBotConfig } from "@/lib/testing/bot-factories";
import { createTeam } from "@/lib/testing/factories";
import { call } from "@/lib/testing/http";
import { auditOf } from "@/lib/testing/inspect";
import { POST as executeRoute } from "./execute/route";
import { POST as extractRoute } from "./extract-params/route";
import { GET as listRoute } from "./route";

let server: Awaited<ReturnType<typeof fakeServer>>;
let restoreModels: (() => void) | undefined;
beforeAll(async () => {
  server = await fakeServer((req, res) => json(res, 200, { order: req.url.split("/").pop(), status: "shipped" }));
});
afterAll(() => server.close());
afterEach(() => restoreModels?.());

const usage = { inputTokens: { total: 10, noCache: 10, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: 5, text: 5, reasoning: 0 } };
const mockJson = (value: unknown) =>
  new MockLanguageModelV4({ doGenerate: { content: [{ type: "text", text: JSON.stringify(value) }], finishReason: { unified: "stop", raw: "stop" }, usage, warnings: [] } });

async function setup() {
  const team = await createTeam();
  const insert = (values: Partial<typeof botTools.$inferInsert>) =>
    getDb()
      .insert(botTools)
      .values({
        orgId: team.org.id,
        name: "order_status",
        description: "Order status by number",
        url: `${server.origin}/orders/{{orderId}}`,
        parameters: [
          { name: "orderId", type: "string", required: true, description: "Order number" },
          { name: "express", type: "boolean" },
          { name: "channel", type: "string", enum: ["web", "store"] },
        ],
        availableToAgents: true,
        ...values,
      })
      .returning()
      .then((r) => r[0]);
  const tool = await insert({});
  const hidden = await insert({ name: "admin_only", availableToAgents: false });
  const inactive = await insert({ name: "off", isActive: false });
  const { conversation } = await createConversation(team.org);
  await createInbound(conversation, "Hola, quiero saber de mi pedido A-778");
  return { ...team, tool, hidden, inactive, conversation };
}

describe("agent tools", () => {
  it("lists only active tools offered to agents", async () => {
    const { agentToken } = await setup();
    const list = await call(listRoute, { token: agentToken });
    expect(list.status).toBe(200);
    expect(list.json.data.map((t: { name: string }) => t.name)).toEqual(["order_status"]);
  });

  it("extract-params: 503 without a provider, values from the model otherwise", async () => {
    const { org, agentToken, tool, hidden, conversation } = await setup();
    const body = { toolId: String(tool.id), conversationId: String(conversation.id) };
    const none = await call(extractRoute, { token: agentToken, body });
    expect(none.status).toBe(503);
    expect(none.json.error).toEqual({ code: "NOT_CONFIGURED", message: "Configure an AI provider in Bot settings" });

    await createBotConfig(org, { isActive: true, provider: "LOCAL", model: "local-model", baseUrl: "http://127.0.0.1:1" });
    const model = mockJson({ orderId: "A-778", express: null, channel: "phone" });
    restoreModels = overrideModels({ language: () => model });
    const r = await call(extractRoute, { token: agentToken, body });
    expect(r.status).toBe(200);
    // "phone" is not one of the enum values: dropped.
    expect(r.json).toEqual({ params: { orderId: "A-778" }, missing: [] });
    expect(JSON.stringify(model.doGenerateCalls[0].prompt)).toContain("A-778");

    restoreModels();
    restoreModels = overrideModels({ language: () => mockJson({ orderId: null, express: "true", channel: "web" }) });
    expect((await call(extractRoute, { token: agentToken, body })).json).toEqual({ params: { express: true, channel: "web" }, missing: ["orderId"] });

    expect((await call(extractRoute, { token: agentToken, body: { ...body, toolId: String(hidden.id) } })).status).toBe(404);
  });

  it("refuses conversations the agent cannot see", async () => {
    const { org, agentToken, tool, conversation } = await setup();
    const [team] = await getDb().insert(teams).values({ orgId: org.id, name: "VIP" }).returning();
    await getDb().update(conversations).set({ teamId: team.id }).where(eq(conversations.id, conversation.id));
    expect(await getDb().select().from(teamMembers).where(eq(teamMembers.teamId, team.id))).toEqual([]);
    expect((await call(extractRoute, { token: agentToken, body: { toolId: String(tool.id), conversationId: String(conversation.id) } })).status).toBe(404);
    expect((await call(executeRoute, { token: agentToken, body: { toolId: String(tool.id), params: { orderId: "1" }, conversationId: String(conversation.id) } })).status).toBe(404);
  });

  it("execute: runs the tool, audits it and leaves a private note", async () => {
    const { org, agentToken, tool, inactive, conversation } = await setup();
    const restore = allowOutbound("127.0.0.1");
    try {
      const run = await call(executeRoute, { token: agentToken, body: { toolId: String(tool.id), params: { orderId: "A-778" }, conversationId: String(conversation.id) } });
      expect(run.status).toBe(200);
      expect(run.json).toMatchObject({ ok: true, status: 200, result: { order: "A-778", status: "shipped" } });
      const [entry] = await auditOf(org.id, "tool.executed");
      expect(entry.metadata).toMatchObject({ name: "order_status", ok: true, params: ["orderId"] });
      const notes = await getDb()
        .select()
        .from(messages)
        .where(and(eq(messages.conversationId, conversation.id), eq(messages.isPrivate, true)));
      expect(notes).toHaveLength(1);
      expect(notes[0].body).toContain("order_status");
      expect(notes[0].body).toContain("shipped");

      const invalid = await call(executeRoute, { token: agentToken, body: { toolId: String(tool.id), params: {} } });
      expect(invalid.json).toMatchObject({ ok: false, error: "Invalid parameters: orderId is required" });
      expect((await call(executeRoute, { token: agentToken, body: { toolId: String(inactive.id), params: {} } })).status).toBe(404);
    } finally {
      restore();
    }
  });
});
