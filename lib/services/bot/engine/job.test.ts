import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Ctx } from "@/lib/api/context";
import { settleEvents } from "@/lib/events/emit";
import { storeFile } from "@/lib/services/files/store";
import { getBoss } from "@/lib/jobs/boss";
import { forgetBotGate, saveBotSettings } from "@/lib/services/bot/settings";
import { returnToBot, takeoverConversation } from "@/lib/services/conversations/assign";
import { appSimulator } from "@/lib/services/sandbox/graph-simulator";
import { drain, serveSandboxApp } from "@/lib/services/sandbox/testing";
import { createBotConfig, createIntent } from "@/lib/testing/bot-factories";
import { botMedia, botSessions, botTraces, conversations, getDb, messages, notifications } from "@/lib/testing/db";
import { createTeam, ctxFor } from "@/lib/testing/factories";
import { call } from "@/lib/testing/http";
import { POST as graphRoute } from "@/app/api/sandbox/graph/[...path]/route";
import { POST as sendRoute } from "@/app/api/v1/sandbox/customers/[id]/messages/route";
import { GET as threadRoute } from "@/app/api/v1/sandbox/customers/[id]/thread/route";
import { POST as createCustomerRoute } from "@/app/api/v1/sandbox/customers/route";
import { POST as webhookRoute } from "@/app/api/webhooks/whatsapp/route";
import type { BotTurnDto } from "@/lib/api/contracts/bot-schemas";
import { createTrace } from "@/lib/services/bot/library-testing";
import { createConversation } from "@/lib/services/messages/testing";
import { applyTurn, BOT_REPLY_QUEUE, runBotReplyJob, type BotReplyJob } from "./job";

let app: Awaited<ReturnType<typeof serveSandboxApp>>;
beforeAll(async () => {
  app = await serveSandboxApp({ graph: graphRoute, webhook: webhookRoute });
});
afterAll(() => app.close());

/** Runs the WhatsApp queues and the bot's until nothing is left (the bot's sends go through whatsapp.send). */
async function drainAll() {
  const boss = await getBoss();
  for (let round = 0; round < 10; round++) {
    await drain();
    await settleEvents();
    const jobs = await boss.fetch<BotReplyJob>(BOT_REPLY_QUEUE, { batchSize: 50 });
    if (!jobs.length) return;
    for (const job of jobs) {
      await runBotReplyJob(job.data);
      await boss.complete(BOT_REPLY_QUEUE, job.id);
    }
  }
}

async function setup() {
  const team = await createTeam();
  const config = await createBotConfig(team.org, { isActive: true, handoffMessage: "Te comunico con una persona del equipo." });
  await createIntent(team.org, { configId: config.id, name: "greeting", position: 0, keywords: ["hola|buenas"], response: "¡Hola! Soy el asistente. ¿En qué te ayudo?" });
  await createIntent(team.org, { configId: config.id, name: "bye", position: 1, keywords: ["adios"], action: "END", response: "¡Hasta pronto!" });
  forgetBotGate(team.org.id);
  const res = await call(createCustomerRoute, { token: team.adminToken, body: { name: "Ana", phone: `+52 1 55 ${Math.floor(1e7 + Math.random() * 9e7)}` } });
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  const customerId = res.json.id as string;
  const say = async (text: string, run = true) => {
    const r = await call(sendRoute, { token: team.adminToken, params: { id: customerId }, body: { type: "text", text } });
    expect(r.status, JSON.stringify(r.json)).toBe(202);
    if (run) await drainAll();
    else await drain();
  };
  const conversationId = async () => Number((await call(threadRoute, { token: team.adminToken, params: { id: customerId } })).json.customer.conversationId);
  const conversation = async () => (await getDb().select().from(conversations).where(eq(conversations.id, await conversationId())))[0];
  const botMessages = async () =>
    (await getDb().select().from(messages).where(and(eq(messages.conversationId, await conversationId()), eq(messages.senderType, "BOT"))).orderBy(asc(messages.id))).map((m) => m.body);
  return { ...team, config, say, conversation, conversationId, botMessages };
}

describe("the bot on WhatsApp (sandbox number)", () => {
  it("answers through the outbound path, hands off on request, stays silent with a person, answers again after return-to-bot", async () => {
    const t = await setup();
    await t.say("Hola, buenas tardes");
    expect((await t.conversation()).status).toBe("BOT_HANDLING");
    expect(await t.botMessages()).toEqual(["¡Hola! Soy el asistente. ¿En qué te ayudo?"]);
    expect(appSimulator().state.sends.at(-1)).toMatchObject({ type: "text" });
    const [session] = await getDb().select().from(botSessions).where(eq(botSessions.conversationId, await t.conversationId()));
    expect(session).toMatchObject({ turns: 1, endedAt: null });

    // The customer asks for a person: HUMAN_HANDLING, summary, note, notification, hand-off message.
    await t.say("Mi pedido llegó frío. Quiero hablar con una persona");
    const handed = await t.conversation();
    expect(handed.status).toBe("HUMAN_HANDLING");
    expect(handed.handoffSummary).toContain("Mi pedido llegó frío.");
    expect(await t.botMessages()).toEqual(["¡Hola! Soy el asistente. ¿En qué te ayudo?", "Te comunico con una persona del equipo."]);
    const [note] = await getDb().select().from(messages).where(and(eq(messages.conversationId, handed.id), eq(messages.type, "SYSTEM")));
    expect(note).toMatchObject({ isPrivate: true, content: expect.objectContaining({ event: "botHandoff", reason: "requested" }) });
    const notes = await getDb().select().from(notifications).where(eq(notifications.conversationId, handed.id));
    expect(notes.map((n) => [n.userId, n.type])).toEqual([[t.admin.id, "HANDOFF"]]);
    const sessions = await getDb().select().from(botSessions).where(eq(botSessions.conversationId, handed.id));
    expect(sessions).toMatchObject([{ closureType: "ESCALATED", turns: 2 }]);

    // With the humans, the bot says nothing, whatever the customer writes.
    await t.say("hola?");
    expect(await t.botMessages()).toHaveLength(2);

    const agentCtx = await ctxFor(t.agent, t.org);
    await takeoverConversation(agentCtx, handed.id);
    await returnToBot(agentCtx, handed.id, {});
    await t.say("hola de nuevo");
    expect(await t.botMessages()).toHaveLength(3);
    expect((await t.conversation()).status).toBe("BOT_HANDLING");
  });

  it("never answers over an agent who took over while the turn was queued", async () => {
    const t = await setup();
    await t.say("hola");
    await t.say("hola otra vez", false);
    await settleEvents();
    await takeoverConversation(await ctxFor(t.agent, t.org), await t.conversationId());
    await drainAll();
    expect(await t.botMessages()).toHaveLength(1);
  });

  it("answers a burst once, and a redelivered job answers nothing more", async () => {
    const t = await setup();
    await t.say("hola", false);
    await t.say("¿siguen ahí?", false);
    await t.say("hola???", false);
    await settleEvents();
    const boss = await getBoss();
    const jobs = await boss.fetch<BotReplyJob>(BOT_REPLY_QUEUE, { batchSize: 50 });
    expect(jobs).toHaveLength(1);
    await runBotReplyJob(jobs[0].data);
    await runBotReplyJob(jobs[0].data);
    await boss.complete(BOT_REPLY_QUEUE, jobs[0].id);
    await drainAll();
    expect(await t.botMessages()).toHaveLength(1);
    const traces = await getDb().select().from(botTraces).where(eq(botTraces.conversationId, await t.conversationId()));
    expect(traces).toHaveLength(1);
    expect(traces[0].input).toBe("hola\n¿siguen ahí?\nhola???");
  });

  it("sends an intent's media from the bot's library", async () => {
    const t = await setup();
    const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
    const file = await storeFile({ orgId: t.org.id, user: null } as unknown as Ctx, { buffer: PNG, contentType: "image/png", originalName: "menu.png", purpose: "bot-media" });
    const [media] = await getDb().insert(botMedia).values({ orgId: t.org.id, name: "Menú", kind: "IMAGE", fileId: file.id, mimeType: "image/png", size: PNG.length }).returning();
    await createIntent(t.org, { configId: t.config.id, name: "menu", position: -1, keywords: ["menu"], response: "Este es nuestro menú:", mediaId: media.id });
    await t.say("¿me pasas el menú?");
    const sent = await getDb().select().from(messages).where(and(eq(messages.conversationId, await t.conversationId()), eq(messages.senderType, "BOT"))).orderBy(asc(messages.id));
    expect(sent.map((m) => [m.type, m.body])).toEqual([
      ["TEXT", "Este es nuestro menú:"],
      ["IMAGE", null],
    ]);
    expect(sent[1].media).toMatchObject({ fileId: file.id, mimeType: "image/png" });
  });

  it("resolves the conversation on an END intent, and stays quiet when the bot is disabled", async () => {
    const t = await setup();
    await t.say("adios");
    const closed = await t.conversation();
    expect(closed.status).toBe("CLOSED");
    expect(await t.botMessages()).toEqual(["¡Hasta pronto!"]);
    const [session] = await getDb().select().from(botSessions).where(eq(botSessions.conversationId, closed.id));
    expect(session.closureType).toBe("RESOLVED_CONFIRMED");

    await t.say("hola");
    expect((await t.conversation()).status).toBe("BOT_HANDLING");
    await saveBotSettings(t.org.id, { enabled: false });
    await t.say("hola");
    expect(await t.botMessages()).toHaveLength(1);
  });
});

describe("applyTurn records on the trace what became of the answer", () => {
  const turnOf = (traceId: string, outcome: BotTurnDto["outcome"] = "ANSWERED"): BotTurnDto => ({
    traceId,
    outcome,
    reply: "¡Hola!",
    media: [],
    intent: null,
    confidence: null,
    handoff: null,
    passages: [],
    toolCalls: [],
    steps: [],
    provider: null,
    model: null,
    usage: { inputTokens: 0, outputTokens: 0 },
    latencyMs: 5,
  });
  const traceOf = async (traceId: string) => (await getDb().select().from(botTraces).where(eq(botTraces.traceId, traceId)))[0];

  it("keeps the outcome and adds a skipped send when an agent took the conversation", async () => {
    const { org } = await createTeam();
    const config = await createBotConfig(org, { isActive: true });
    const { conversation } = await createConversation(org, { status: "HUMAN_HANDLING" });
    const trace = await createTrace(org, { conversationId: conversation.id, source: "WHATSAPP", outcome: "ANSWERED", steps: [{ type: "llm", name: "answer", ms: 3 }] });
    await applyTurn(org.id, conversation.id, config, turnOf(trace.traceId));
    expect(await traceOf(trace.traceId)).toMatchObject({
      outcome: "ANSWERED",
      steps: [{ type: "llm", name: "answer" }, { type: "send", name: "skipped", detail: { sent: 0 } }],
    });
  });

  it("hands off with the window closed: outcome HANDOFF, a send step and the hand-off reason", async () => {
    const { org } = await createTeam();
    const config = await createBotConfig(org, { isActive: true });
    const { conversation } = await createConversation(org, { status: "BOT_HANDLING", lastCustomerAt: new Date(Date.now() - 25 * 3_600_000) });
    const trace = await createTrace(org, { conversationId: conversation.id, source: "WHATSAPP", outcome: "INTENT" });
    await applyTurn(org.id, conversation.id, config, turnOf(trace.traceId, "INTENT"));
    expect((await getDb().select().from(conversations).where(eq(conversations.id, conversation.id)))[0].status).toBe("HUMAN_HANDLING");
    expect(await traceOf(trace.traceId)).toMatchObject({
      outcome: "HANDOFF",
      steps: [
        { type: "send", name: "window_closed", detail: { sent: 0 } },
        { type: "handoff", name: "window_closed" },
      ],
    });
  });
});
