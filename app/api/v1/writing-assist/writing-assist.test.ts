import { eq } from "drizzle-orm";
import { simulateReadableStream } from "ai";
import { MockLanguageModelV4 } from "ai/test";
import { afterEach, describe, expect, it } from "vitest";
import { getDb, users } from "@/lib/testing/db";
import { overrideModels } from "@/lib/ai/providers";
import { createConversation, createInbound } from "@/lib/services/messages/testing";
import { createBotConfig, createPreset } from "@/lib/testing/bot-factories";
import { createTeam, tokenFor } from "@/lib/testing/factories";
import { call } from "@/lib/testing/http";
import { GET as getConfigRoute, PUT as putConfigRoute } from "../config/writing-assist/route";
import { POST as completeRoute } from "./complete/route";

let restoreModels: (() => void) | undefined;
afterEach(() => restoreModels?.());

const usage = { inputTokens: { total: 10, noCache: 10, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: 5, text: 5, reasoning: 0 } };
function streamingModel(pieces: string[]) {
  return new MockLanguageModelV4({
    doStream: async () => ({
      stream: simulateReadableStream({
        chunks: [
          { type: "stream-start" as const, warnings: [] },
          { type: "text-start" as const, id: "t" },
          ...pieces.map((delta) => ({ type: "text-delta" as const, id: "t", delta })),
          { type: "text-end" as const, id: "t" },
          { type: "finish" as const, finishReason: { unified: "stop" as const, raw: "stop" }, usage },
        ],
      }),
    }),
  });
}

async function setup() {
  const team = await createTeam();
  const { conversation } = await createConversation(team.org);
  await createInbound(conversation, "¿Cuándo llega mi pedido?");
  return { ...team, conversation };
}

describe("writing assist config", () => {
  it("answers the org config, the user's preference and why it is not available", async () => {
    const { org, admin, adminToken, agentToken } = await setup();
    const initial = await call(getConfigRoute, { token: agentToken });
    expect(initial.status).toBe(200);
    expect(initial.json).toEqual({ org: { enabled: false, presetId: null, tone: "neutral" }, user: { enabled: true }, available: false, reason: expect.stringMatching(/organization/) });

    expect((await call(putConfigRoute, { token: agentToken, body: { enabled: true } })).status).toBe(403);
    const on = await call(putConfigRoute, { token: adminToken, body: { enabled: true, tone: "friendly" } });
    expect(on.json).toMatchObject({ org: { enabled: true, presetId: null, tone: "friendly" }, available: false, reason: "Configure an AI provider in Bot settings" });

    const preset = await createPreset(org);
    const withPreset = await call(putConfigRoute, { token: adminToken, body: { presetId: String(preset.id) } });
    expect(withPreset.json).toMatchObject({ org: { enabled: true, presetId: String(preset.id), tone: "friendly" }, available: true });
    expect(withPreset.json.reason).toBeUndefined();
    const foreign = await createPreset((await createTeam()).org);
    expect((await call(putConfigRoute, { token: adminToken, body: { presetId: String(foreign.id) } })).status).toBe(404);

    await getDb().update(users).set({ writingAssist: false }).where(eq(users.id, admin.id));
    const off = await call(getConfigRoute, { token: await tokenFor(admin, org) });
    expect(off.json).toMatchObject({ user: { enabled: false }, available: false, reason: expect.stringMatching(/profile/) });
  });
});

describe("POST /writing-assist/complete", () => {
  it("503 with the reason when not available", async () => {
    const { org, adminToken, agentToken, conversation } = await setup();
    const body = { conversationId: String(conversation.id), partialText: "Hola" };
    const disabled = await call(completeRoute, { token: agentToken, body });
    expect(disabled.status).toBe(503);
    expect(disabled.json.error).toMatchObject({ code: "NOT_CONFIGURED", message: expect.stringMatching(/organization/) });
    await call(putConfigRoute, { token: adminToken, body: { enabled: true } });
    const noProvider = await call(completeRoute, { token: agentToken, body });
    expect(noProvider.json.error).toEqual({ code: "NOT_CONFIGURED", message: "Configure an AI provider in Bot settings" });
    await createBotConfig(org, { isActive: true, provider: "LOCAL", model: "local-model", baseUrl: "http://127.0.0.1:1" });
    expect((await call(completeRoute, { token: agentToken, body: { ...body, conversationId: "999999" } })).status).toBe(404);
  });

  it("streams the suggestion from the model with the thread and the draft in the prompt", async () => {
    const { org, adminToken, agentToken, conversation } = await setup();
    await call(putConfigRoute, { token: adminToken, body: { enabled: true, tone: "formal" } });
    await createBotConfig(org, { isActive: true, provider: "LOCAL", model: "local-model", baseUrl: "http://127.0.0.1:1" });
    const model = streamingModel(["Estimado cliente, ", "su pedido llega ", "mañana."]);
    restoreModels = overrideModels({ language: () => model });
    const res = await call(completeRoute, { token: agentToken, body: { conversationId: String(conversation.id), partialText: "su pedido" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/plain/);
    expect(res.text).toBe("Estimado cliente, su pedido llega mañana.");
    const prompt = JSON.stringify(model.doStreamCalls[0].prompt);
    expect(prompt).toContain("¿Cuándo llega mi pedido?");
    expect(prompt).toContain("su pedido");
    expect(prompt).toContain("formal");
  });

  it("is rate-limited per user", async () => {
    const { agentToken, conversation } = await setup();
    const body = { conversationId: String(conversation.id), partialText: "" };
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await call(completeRoute, { token: agentToken, body })).status);
    expect(statuses.slice(0, 30).every((s) => s === 503)).toBe(true);
    expect(statuses[30]).toBe(429);
  });
});
