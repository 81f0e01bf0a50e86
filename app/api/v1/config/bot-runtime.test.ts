import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getBoss } from "@/lib/jobs/boss";
import { BOT_REPLY_QUEUE, runBotReplyJob, type BotReplyJob } from "@/lib/services/bot/engine/job";
import { allowOutbound, fakeServer, json } from "@/lib/services/bot/tools/fake-server";
import { createConversation, createInbound } from "@/lib/services/messages/testing";
import { botTraces, conversations, getDb, messages } from "@/lib/testing/db";
import { createApiKey, createTeam } from "@/lib/testing/factories";
import { call } from "@/lib/testing/http";
import { auditOf } from "@/lib/testing/inspect";
import { POST as reprocessRoute } from "../bot-config/reprocess-pending/route";
import { POST as n8nRoute } from "../n8n/bot-response/route";
import { GET as getEnabled, PUT as putEnabled } from "./bot-enabled/route";
import { GET as getMode, PUT as putMode } from "./bot-mode/route";

/** A conversation the bot has, whose last word is the customer's. */
async function waitingForBot(org: { id: number }, text = "hola") {
  const { conversation } = await createConversation(org, { status: "BOT_HANDLING" });
  const inbound = await createInbound(conversation, text);
  await getDb().update(conversations).set({ lastMessageDirection: "INBOUND" }).where(eq(conversations.id, conversation.id));
  return { conversation, inbound };
}

describe("GET/PUT /config/bot-enabled", () => {
  it("reads for agents, toggles for admins (audited when it changes)", async () => {
    const { org, adminToken, agentToken } = await createTeam();
    expect((await call(getEnabled, { token: agentToken })).json).toEqual({ enabled: true });
    expect((await call(putEnabled, { token: agentToken, body: { enabled: false } })).status).toBe(403);
    const res = await call(putEnabled, { token: adminToken, body: { enabled: false } });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ enabled: false });
    expect((await call(getEnabled, { token: agentToken })).json).toEqual({ enabled: false });
    expect((await call(putEnabled, { token: adminToken, body: { enabled: "no" } })).status).toBe(400);
    await call(putEnabled, { token: adminToken, body: { enabled: false } });
    expect((await auditOf(org.id, "bot.enabled_changed")).map((a) => a.metadata)).toEqual([{ enabled: false }]);
  });
});

describe("GET/PUT /config/bot-mode", () => {
  it("patches the flags and validates the external webhook (audited with field names only)", async () => {
    const { org, adminToken, agentToken } = await createTeam();
    expect((await call(getMode, { token: agentToken })).json).toEqual({ answerNewConversations: true, handoffOnLowConfidence: true, engine: "BUILTIN", externalWebhookUrl: null });
    expect((await call(putMode, { token: agentToken, body: { handoffOnLowConfidence: false } })).status).toBe(403);

    const flags = await call(putMode, { token: adminToken, body: { handoffOnLowConfidence: false } });
    expect(flags.json).toMatchObject({ handoffOnLowConfidence: false, answerNewConversations: true });

    const missing = await call(putMode, { token: adminToken, body: { engine: "EXTERNAL" } });
    expect(missing.status).toBe(400);
    expect(missing.json.error.details).toEqual([{ path: "externalWebhookUrl", message: "is required when engine is EXTERNAL" }]);
    const ftp = await call(putMode, { token: adminToken, body: { engine: "EXTERNAL", externalWebhookUrl: "ftp://hooks.example.com/x" } });
    expect(ftp.status).toBe(400);
    const creds = await call(putMode, { token: adminToken, body: { externalWebhookUrl: "https://u:p@hooks.example.com/x" } });
    expect(creds.status).toBe(400);

    const ok = await call(putMode, { token: adminToken, body: { engine: "EXTERNAL", externalWebhookUrl: "https://hooks.example.com/bot" } });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ engine: "EXTERNAL", externalWebhookUrl: "https://hooks.example.com/bot", handoffOnLowConfidence: false });
    // Clearing the URL while EXTERNAL is refused.
    expect((await call(putMode, { token: adminToken, body: { externalWebhookUrl: null } })).status).toBe(400);
    const audits = await auditOf(org.id, "bot.mode_changed");
    expect(audits.map((a) => a.metadata)).toEqual([
      { fields: ["handoffOnLowConfidence"], engine: "BUILTIN" },
      { fields: ["engine", "externalWebhookUrl"], engine: "EXTERNAL" },
    ]);
    expect(JSON.stringify(audits)).not.toContain("hooks.example.com");
  });
});

describe("POST /bot-config/reprocess-pending", () => {
  it("queues one bot turn per waiting bot conversation (admins only)", async () => {
    const { org, adminToken, agentToken } = await createTeam();
    const waiting = await waitingForBot(org);
    const answered = await waitingForBot(org);
    await getDb().insert(botTraces).values({ traceId: crypto.randomUUID(), orgId: org.id, conversationId: answered.conversation.id, messageId: answered.inbound.id, source: "WHATSAPP", input: "hola", outcome: "ANSWERED" });
    await createConversation(org, { status: "HUMAN_HANDLING" });

    expect((await call(reprocessRoute, { token: agentToken })).status).toBe(403);
    const res = await call(reprocessRoute, { token: adminToken });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ queued: 1 });
    const jobs = await (await getBoss()).fetch<BotReplyJob>(BOT_REPLY_QUEUE, { batchSize: 100 });
    expect(jobs.filter((j) => j.data.orgId === org.id).map((j) => j.data.conversationId)).toEqual([waiting.conversation.id]);
  });
});

describe("the EXTERNAL engine and POST /n8n/bot-response", () => {
  it("posts the customer's message to the workflow and sends its answer as the bot", async () => {
    const { org, adminToken } = await createTeam();
    const restore = allowOutbound();
    const hook = await fakeServer((_req, res) => json(res, 200, { ok: true }));
    try {
      const mode = await call(putMode, { token: adminToken, body: { engine: "EXTERNAL", externalWebhookUrl: `${hook.origin}/webhook` } });
      expect(mode.status, JSON.stringify(mode.json)).toBe(200);
      const { conversation, inbound } = await waitingForBot(org, "¿tienen pan?");
      await runBotReplyJob({ orgId: org.id, conversationId: conversation.id });
      await runBotReplyJob({ orgId: org.id, conversationId: conversation.id });
      expect(hook.received).toHaveLength(1);
      expect(JSON.parse(hook.received[0].body)).toMatchObject({ event: "message.received", conversationId: String(conversation.id), messageId: String(inbound.id), text: "¿tienen pan?" });

      const { secret } = await createApiKey(org);
      const sent = await call(n8nRoute, { token: secret, body: { conversationId: String(conversation.id), message: { text: "Sí, pan dulce y salado." } } });
      expect(sent.status, JSON.stringify(sent.json)).toBe(200);
      expect(sent.json).toMatchObject({ result: "sent", message: { body: "Sí, pan dulce y salado." } });
      const [row] = await getDb().select().from(messages).where(and(eq(messages.conversationId, conversation.id), eq(messages.direction, "OUTBOUND")));
      expect(row.senderType).toBe("BOT");

      const handed = await call(n8nRoute, { token: secret, body: { conversationId: conversation.id, handoff: true, reason: "pedido especial" } });
      expect(handed.json).toEqual({ result: "handed_off", message: null });
      const [after] = await getDb().select().from(conversations).where(eq(conversations.id, conversation.id));
      expect(after.status).toBe("HUMAN_HANDLING");

      const late = await call(n8nRoute, { token: secret, body: { conversationId: conversation.id, message: { text: "tarde" } } });
      expect(late.status).toBe(409);
      expect(late.json.error.code).toBe("NOT_BOT_HANDLING");
    } finally {
      await hook.close();
      restore();
    }
  });

  it("hands off when the workflow cannot be reached", async () => {
    const { org, adminToken } = await createTeam();
    await call(putMode, { token: adminToken, body: { engine: "EXTERNAL", externalWebhookUrl: "http://127.0.0.1:9/blocked" } });
    const { conversation } = await waitingForBot(org);
    await runBotReplyJob({ orgId: org.id, conversationId: conversation.id });
    const [after] = await getDb().select().from(conversations).where(eq(conversations.id, conversation.id));
    expect(after.status).toBe("HUMAN_HANDLING");
  });

  it("validates the body and looks the conversation up through the tenant", async () => {
    const { org } = await createTeam();
    const other = await createTeam();
    const { secret } = await createApiKey(org);
    const { conversation } = await waitingForBot(other.org);
    expect((await call(n8nRoute, { token: secret, body: { conversationId: conversation.id, message: { text: "hola" } } })).status).toBe(404);
    expect((await call(n8nRoute, { token: secret, body: { conversationId: conversation.id } })).status).toBe(400);
    expect((await call(n8nRoute, { token: secret, body: { conversationId: conversation.id, message: { text: "x" }, handoff: true } })).status).toBe(400);
    expect((await call(n8nRoute, { body: { conversationId: conversation.id, message: { text: "x" } } })).status).toBe(401);
  });
});
