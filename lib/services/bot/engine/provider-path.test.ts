import { embed, streamText } from "ai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { embeddingModel, languageModel } from "@/lib/ai/providers";
import { handoffSummaryFor } from "@/lib/services/conversations/handoff-summary";
import { createConversation, createInbound } from "@/lib/services/messages/testing";
import { createBotConfig } from "@/lib/testing/bot-factories";
import { FAKE_EMBEDDING_DIMENSIONS, fakeEmbedding, startFakeOpenAI, type FakeOpenAI } from "@/lib/testing/fake-openai";
import { createOrg } from "@/lib/testing/factories";
import { runTurn } from "./turn";

/** The real AI SDK client against the fake OpenAI-compatible server (provider LOCAL): no mocks in between. */

let ai: FakeOpenAI;
beforeAll(async () => {
  ai = await startFakeOpenAI();
});
afterAll(() => ai.close());
beforeEach(() => ai.reset());

const local = () => ({ provider: "LOCAL" as const, model: "fake-model", baseUrl: ai.url });

describe("fake OpenAI-compatible server", () => {
  it("streams (SSE), embeds deterministically and lists models", async () => {
    ai.script({ text: "Hola desde el servidor falso" });
    const stream = streamText({ model: languageModel(local()), prompt: "hola" });
    let text = "";
    for await (const part of stream.textStream) text += part;
    expect(text).toBe("Hola desde el servidor falso");
    expect(ai.chatRequests()[0]).toMatchObject({ model: "fake-model", stream: true });

    const { embedding } = await embed({ model: embeddingModel({ ...local(), embeddingModel: "fake-embedding" })!, value: "Menú del día" });
    expect(embedding).toHaveLength(FAKE_EMBEDDING_DIMENSIONS);
    expect(embedding).toEqual(fakeEmbedding("menu DEL dia"));
    const models = await fetch(`${ai.url}/models`).then((r) => r.json());
    expect(models.data.map((m: { id: string }) => m.id)).toContain("fake-model");
  });
});

describe("the bot with a LOCAL provider", () => {
  it("answers, hands off through the tool, and turns provider errors into a hand-off", async () => {
    const org = await createOrg();
    const config = await createBotConfig(org, { ...local(), systemPrompt: "Eres el asistente del Café.", settings: { ragEnabled: false } });

    ai.script({ text: "Abrimos a las 8.", usage: { promptTokens: 120, completionTokens: 7 } });
    const answered = await runTurn({ orgId: org.id, config, text: "¿A qué hora abren?", history: [{ role: "assistant", content: "¡Hola!" }], source: "TEST" });
    expect(answered).toMatchObject({ outcome: "ANSWERED", reply: "Abrimos a las 8.", usage: { inputTokens: 120, outputTokens: 7 } });
    const request = ai.chatRequests()[0];
    expect(request.messages[0]).toMatchObject({ role: "system", content: expect.stringContaining("Eres el asistente del Café.") });
    expect(request.messages.slice(1)).toEqual([
      { role: "assistant", content: "¡Hola!" },
      { role: "user", content: "¿A qué hora abren?" },
    ]);
    expect(request.tools.map((t: { function: { name: string } }) => t.function.name)).toEqual(["handoff_to_human"]);

    ai.script({ toolCalls: [{ name: "handoff_to_human", arguments: { reason: "wants a refund" } }] });
    expect(await runTurn({ orgId: org.id, config, text: "Quiero mi dinero de vuelta", history: [], source: "TEST" })).toMatchObject({ outcome: "HANDOFF", handoff: { reason: "llm" } });

    ai.script({ status: 500, error: "boom" }, { status: 500, error: "boom" });
    expect(await runTurn({ orgId: org.id, config, text: "¿hola?", history: [], source: "TEST" })).toMatchObject({ outcome: "ERROR", handoff: { reason: "error" } });
  });

  it("writes the hand-off summary with the model, falling back to the extractive one", async () => {
    const org = await createOrg();
    await createBotConfig(org, { ...local(), isActive: true });
    const { conversation } = await createConversation(org, { status: "BOT_HANDLING" });
    await createInbound(conversation, "Mi pedido 44 llegó incompleto. Faltan dos cafés.");

    ai.script({ text: "El cliente reporta que el pedido 44 llegó incompleto (faltan dos cafés)." });
    expect(await handoffSummaryFor(org.id, conversation.id)).toEqual({ summary: "El cliente reporta que el pedido 44 llegó incompleto (faltan dos cafés).", source: "ai" });
    expect(JSON.stringify(ai.chatRequests()[0].messages)).toContain("Customer: Mi pedido 44 llegó incompleto.");

    ai.script({ status: 500 }, { status: 500 });
    expect(await handoffSummaryFor(org.id, conversation.id)).toEqual({ summary: "Mi pedido 44 llegó incompleto.", source: "extractive" });
  });
});
