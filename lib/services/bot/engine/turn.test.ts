import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { botTraces, botUsage, getDb, organizations } from "@/lib/testing/db";
import { createBotConfig, createIntent } from "@/lib/testing/bot-factories";
import { createOrg } from "@/lib/testing/factories";
import { encryptSecret } from "@/lib/crypto/secrets";
import { createTextDocument } from "@/lib/services/bot/knowledge/ingest";
import { saveBotSettings } from "@/lib/services/bot/settings";
import { allowOutbound, fakeServer, json } from "@/lib/services/bot/tools/fake-server";
import { monthOf, usageOf } from "@/lib/services/bot/usage";
import { botTools } from "@/db/schema";
import { promptText, scriptModel, textReply, toolCallReply } from "./testing";
import { runTurn, type TurnInput } from "./turn";

type Org = Awaited<ReturnType<typeof createOrg>>;
const LOCAL = { provider: "LOCAL" as const, model: "mock-model", baseUrl: "http://127.0.0.1:1/v1" };

let undo: (() => void) | undefined;
afterEach(() => {
  undo?.();
  undo = undefined;
});

const turn = (org: Org, config: TurnInput["config"], text: string, extra: Partial<TurnInput> = {}) =>
  runTurn({ orgId: org.id, config, text, history: [], source: "SANDBOX", ...extra });

const traceOf = async (traceId: string) => (await getDb().select().from(botTraces).where(eq(botTraces.traceId, traceId)))[0];

describe("deterministic pipeline (no provider)", () => {
  it("matches intents in position order by whole-word, accent-insensitive keywords and by patterns", async () => {
    const org = await createOrg();
    const config = await createBotConfig(org);
    await createIntent(org, { configId: config.id, name: "later", position: 2, keywords: ["menu"], response: "Segundo" });
    await createIntent(org, { configId: config.id, name: "menu", position: 1, keywords: ["menú|carta"], response: "Nuestro menú: café y pan" });
    await createIntent(org, { configId: config.id, name: "order", position: 3, patterns: ["pedido\\s*#?\\d+"], response: "Reviso tu pedido" });
    await createIntent(org, { configId: config.id, name: "bad", position: 0, patterns: ["(a+)+$", "(unclosed"], response: "never" });
    await createIntent(org, { configId: config.id, name: "greeting", position: 4, keywords: ["hola"], response: "¡Hola!" });

    const t = await turn(org, config, "¿Me pasas el MENU?");
    expect(t).toMatchObject({ outcome: "INTENT", reply: "Nuestro menú: café y pan", intent: { name: "menu", action: "REPLY" }, confidence: 1, handoff: null });
    expect((await turn(org, config, "Quiero ver la carta")).intent?.name).toBe("menu");
    expect((await turn(org, config, "¿Cómo va mi pedido #123?")).intent?.name).toBe("order");
    // "hola" is a whole word: "Holanda" is not a greeting.
    expect((await turn(org, config, "Envían a Holanda")).intent).toBeNull();
    expect((await turn(org, config, "aaaaaaaaaaaaaaaaaaaaaaaaaaaa!")).intent).toBeNull();

    const trace = await traceOf(t.traceId);
    expect(trace).toMatchObject({ source: "SANDBOX", outcome: "INTENT", output: "Nuestro menú: café y pan", input: "¿Me pasas el MENU?", messageId: null });
    expect(trace.steps.map((s) => s.type)).toEqual(["guard", "intent"]);
  });

  it("matches examples by word overlap offline and hands off on low confidence when asked to", async () => {
    const org = await createOrg();
    const config = await createBotConfig(org, { confidenceThreshold: 0.9 });
    await createIntent(org, { configId: config.id, name: "hours", examples: ["¿a qué hora abren?", "horario de atención"], response: "Abrimos de 8 a 20" });
    const exact = await turn(org, config, "a que hora abren");
    expect(exact).toMatchObject({ outcome: "INTENT", reply: "Abrimos de 8 a 20", confidence: 1 });
    const weak = await turn(org, config, "¿a qué hora abren el domingo?");
    expect(weak.confidence).toBeLessThan(0.9);
    expect(weak).toMatchObject({ outcome: "HANDOFF", handoff: { reason: "low_confidence" }, reply: null });
  });

  it("hands off when the customer asks for a person (built-in phrases and the config's keywords)", async () => {
    const org = await createOrg();
    const config = await createBotConfig(org, { settings: { handoffKeywords: ["gerente"], handoffTeamId: null } });
    await createIntent(org, { configId: config.id, keywords: ["persona"], response: "never" });
    const t = await turn(org, config, "Quiero hablar con una persona, por favor", { history: [{ role: "user", content: "Mi pedido no llegó." }] });
    expect(t).toMatchObject({ outcome: "HANDOFF", reply: null, handoff: { reason: "requested", teamId: null } });
    expect(t.handoff?.summary).toContain("Mi pedido no llegó.");
    expect((await turn(org, config, "I want to talk to a human")).handoff?.reason).toBe("requested");
    expect((await turn(org, config, "llamen al GERENTE")).handoff?.reason).toBe("requested");
  });

  it("answers with the best knowledge passage, else says the fallback and hands off", async () => {
    const org = await createOrg();
    const config = await createBotConfig(org, { fallbackMessage: "No tengo esa información, te paso con el equipo." });
    await createTextDocument(org.id, { title: "Envíos", text: "Hacemos envíos a domicilio en toda la ciudad. El envío cuesta 30 pesos." }, { provider: null });
    const hit = await turn(org, config, "¿Hacen envíos a domicilio?");
    expect(hit).toMatchObject({ outcome: "ANSWERED", reply: expect.stringContaining("envíos a domicilio") });
    expect(hit.passages[0]).toMatchObject({ title: "Envíos" });
    expect(hit.confidence).toBeGreaterThanOrEqual(0.5);

    const miss = await turn(org, config, "¿Venden bicicletas eléctricas?");
    expect(miss).toMatchObject({ outcome: "FALLBACK", reply: "No tengo esa información, te paso con el equipo.", handoff: { reason: "no_answer" } });
  });

  it("refuses WhatsApp turns once the month's budget is spent (never sandbox ones)", async () => {
    const org = await createOrg();
    await getDb().update(organizations).set({ plan: "FREE" }).where(eq(organizations.id, org.id));
    const config = await createBotConfig(org);
    await createIntent(org, { configId: config.id, keywords: ["hola"], response: "¡Hola!" });
    await getDb().insert(botUsage).values({ orgId: org.id, month: monthOf(), messages: 500 });
    expect((await turn(org, config, "hola", { source: "WHATSAPP" })).handoff?.reason).toBe("budget");
    expect((await turn(org, config, "hola")).reply).toBe("¡Hola!");
    expect((await usageOf(org.id)).remaining).toBe(0);
  });

  it("runs TOOL intents and hands off when the tool fails", async () => {
    const org = await createOrg();
    const restore = allowOutbound();
    const server = await fakeServer((req, res) => (req.url.includes("404") ? json(res, 404, { error: "nope" }) : json(res, 200, { order: { status: "en camino" } })));
    try {
      const config = await createBotConfig(org);
      const [ok] = await getDb()
        .insert(botTools)
        .values({ orgId: org.id, name: "order_status", description: "Order status", url: `${server.origin}/orders/{{id}}`, parameters: [{ name: "id", type: "string", required: true }] })
        .returning();
      await createIntent(org, { configId: config.id, name: "track", action: "TOOL", toolId: ok.id, keywords: ["rastrear"], actionConfig: { params: { id: "77" }, replyTemplate: "Tu pedido está {{result.order.status}}." } });
      await createIntent(org, { configId: config.id, name: "broken", action: "TOOL", toolId: ok.id, keywords: ["roto"], actionConfig: { params: { id: "404" } } });
      const t = await turn(org, config, "quiero rastrear mi pedido");
      expect(t).toMatchObject({ outcome: "INTENT", reply: "Tu pedido está en camino.", toolCalls: [{ name: "order_status", ok: true, status: 200, params: { id: "77" } }] });
      const failed = await turn(org, config, "está roto");
      expect(failed).toMatchObject({ outcome: "HANDOFF", reply: null, handoff: { reason: "tool_failed" }, toolCalls: [{ ok: false, status: 404 }] });
    } finally {
      await server.close();
      restore();
    }
  });

  it("answers a redelivered message only once (trace unique on the message)", async () => {
    const { createConversation, createInbound } = await import("@/lib/services/messages/testing");
    const org = await createOrg();
    const config = await createBotConfig(org);
    await createIntent(org, { configId: config.id, keywords: ["hola"], response: "¡Hola!" });
    const { conversation } = await createConversation(org, { status: "BOT_HANDLING" });
    const inbound = await createInbound(conversation, "hola");
    const input = { source: "WHATSAPP" as const, conversationId: conversation.id, messageId: inbound.id };
    expect((await turn(org, config, "hola", input)).reply).toBe("¡Hola!");
    expect(await turn(org, config, "hola", input)).toMatchObject({ outcome: "SKIPPED", reply: null, handoff: null });
  });
});

describe("with a provider (ai/test mock models)", () => {
  let org: Org;
  beforeAll(async () => {
    org = await createOrg();
  });
  const llmConfig = (values: Parameters<typeof createBotConfig>[1] = {}) => createBotConfig(org, { ...LOCAL, systemPrompt: "Eres el asistente del Café.", ...values });

  it("asks the model to classify among intents with examples, and hands off on low confidence", async () => {
    const config = await llmConfig({ confidenceThreshold: 0.6 });
    await createIntent(org, { configId: config.id, name: "hours", examples: ["¿a qué hora abren?"], response: "Abrimos a las 8" });
    await createIntent(org, { configId: config.id, name: "plain", keywords: ["zzz"], response: "never" });
    const { model, undo: u } = scriptModel(textReply('{"intent": "hours", "confidence": 0.92}'), textReply('Sure: {"intent":"hours","confidence":0.3}'));
    undo = u;
    const t = await turn(org, config, "¿cuándo abren mañana?");
    expect(t).toMatchObject({ outcome: "INTENT", reply: "Abrimos a las 8", intent: { name: "hours" }, confidence: 0.92, usage: { inputTokens: 10, outputTokens: 5 } });
    expect(promptText(model)).toContain("¿a qué hora abren?");
    expect(promptText(model)).not.toContain("plain");
    const low = await turn(org, config, "¿abren?");
    expect(low).toMatchObject({ outcome: "HANDOFF", handoff: { reason: "low_confidence" }, confidence: 0.3 });
    // Tokens count as usage even in the sandbox; bot messages do not.
    expect(await usageOf(org.id)).toMatchObject({ messages: 0, inputTokens: 20, outputTokens: 10 });
  });

  it("answers with the LLM, grounded on the retrieved passages and the last turns", async () => {
    const config = await llmConfig({ settings: { historyTurns: 1 } });
    await createTextDocument(org.id, { title: "Pagos", text: "Aceptamos tarjeta, efectivo y transferencia bancaria." }, { provider: null });
    const { model, undo: u } = scriptModel(textReply("Aceptamos tarjeta, efectivo y transferencia."));
    undo = u;
    const t = await turn(org, config, "¿Qué formas de pago aceptan?", {
      history: [
        { role: "user", content: "old line" },
        { role: "assistant", content: "latest bot line" },
      ],
    });
    expect(t).toMatchObject({ outcome: "ANSWERED", reply: "Aceptamos tarjeta, efectivo y transferencia.", provider: "LOCAL", model: "mock-model" });
    const prompt = promptText(model);
    expect(prompt).toContain("Eres el asistente del Café.");
    expect(prompt).toContain("Aceptamos tarjeta, efectivo y transferencia bancaria.");
    expect(prompt).toContain("latest bot line");
    expect(prompt).not.toContain("old line");
    expect(t.passages[0].title).toBe("Pagos");
    const trace = await traceOf(t.traceId);
    expect(trace.steps.map((s) => s.type)).toEqual(["guard", "intent", "retrieval", "llm"]);
    expect(trace).toMatchObject({ outcome: "ANSWERED", inputTokens: 10, outputTokens: 5, provider: "LOCAL" });
    expect(JSON.stringify(trace)).not.toContain("apiKey");
  });

  it("lets the model call the config's tools (through runTool) and only them", async () => {
    const restore = allowOutbound();
    const server = await fakeServer((_req, res) => json(res, 200, { status: "entregado" }));
    try {
      const [tool] = await getDb()
        .insert(botTools)
        .values({ orgId: org.id, name: "track_order", description: "Order status by number", url: `${server.origin}/o/{{number}}`, parameters: [{ name: "number", type: "string", required: true }] })
        .returning();
      const config = await llmConfig({ settings: { toolIds: [tool.id], ragEnabled: false } });
      const { model, undo: u } = scriptModel(toolCallReply("track_order", { number: "A1" }), textReply("Tu pedido A1 fue entregado."));
      undo = u;
      const t = await turn(org, config, "¿dónde está mi pedido A1?");
      expect(t).toMatchObject({ outcome: "ANSWERED", reply: "Tu pedido A1 fue entregado.", toolCalls: [{ name: "track_order", ok: true, params: { number: "A1" } }] });
      expect(server.received[0].url).toBe("/o/A1");
      expect(model.doGenerateCalls[0].tools?.map((x) => x.name).sort()).toEqual(["handoff_to_human", "track_order"]);
      expect(promptText(model, 1)).toContain("entregado");
    } finally {
      await server.close();
      restore();
    }
  });

  it("hands off through the handoff_to_human tool, the only way the model changes the conversation", async () => {
    const config = await llmConfig({ settings: { ragEnabled: false, handoffTeamId: null } });
    const { model, undo: u } = scriptModel(toolCallReply("handoff_to_human", { reason: "customer is angry" }), textReply("should not be used"));
    undo = u;
    const t = await turn(org, config, "esto es un desastre");
    expect(t).toMatchObject({ outcome: "HANDOFF", reply: null, handoff: { reason: "llm" } });
    expect(model.doGenerateCalls).toHaveLength(1);
  });

  it("hands off (outcome ERROR) when the provider fails, and says the fallback when the model says nothing", async () => {
    const config = await llmConfig({ settings: { ragEnabled: false }, fallbackMessage: "Te comunico con alguien." });
    const { undo: u } = scriptModel(new Error("connect ECONNREFUSED sk-abcdefghijklmnop"), textReply(""));
    undo = u;
    const t = await turn(org, config, "hola?");
    expect(t).toMatchObject({ outcome: "ERROR", reply: null, handoff: { reason: "error" } });
    const trace = await traceOf(t.traceId);
    expect(trace.error).toContain("ECONNREFUSED");
    expect(trace.error).not.toContain("abcdefghijklmnop");
    expect(await turn(org, config, "hola?")).toMatchObject({ outcome: "FALLBACK", reply: "Te comunico con alguien.", handoff: { reason: "no_answer" } });
  });

  it("uses the provider key from the config (never in the trace)", async () => {
    const config = await createBotConfig(org, { provider: "OPENAI", model: "gpt-4.1-mini", apiKeyEnc: encryptSecret("sk-secret-123456789"), settings: { ragEnabled: false } });
    const { undo: u } = scriptModel(textReply("ok"));
    undo = u;
    const t = await turn(org, config, "pregunta");
    expect(t.provider).toBe("OPENAI");
    expect(JSON.stringify(await traceOf(t.traceId))).not.toContain("sk-secret");
  });
});

describe("settings", () => {
  it("keeps answering intents when low-confidence hand-off is off", async () => {
    const org = await createOrg();
    await saveBotSettings(org.id, { mode: { answerNewConversations: true, handoffOnLowConfidence: false, engine: "BUILTIN", externalWebhookUrl: null } });
    const config = await createBotConfig(org, { confidenceThreshold: 0.99 });
    await createTextDocument(org.id, { title: "Horario", text: "Abrimos de lunes a viernes de 8 a 20 horas." }, { provider: null });
    const t = await turn(org, config, "¿cuál es el horario del lunes en la tarde y los domingos?");
    expect(t.outcome).toBe("ANSWERED");
    expect(t.confidence).toBeLessThan(0.99);
  });
});

afterAll(() => undo?.());
