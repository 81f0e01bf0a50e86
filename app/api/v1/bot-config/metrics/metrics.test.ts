import { describe, expect, it } from "vitest";
import { botFeedback, botIntents, botSessions, getDb, messages } from "@/lib/testing/db";
import { createBotConfig } from "@/lib/testing/bot-factories";
import { createTeam } from "@/lib/testing/factories";
import { call } from "@/lib/testing/http";
import { createTrace } from "@/lib/services/bot/library-testing";
import { createConversation } from "@/lib/services/messages/testing";
import { GET as qualityRoute } from "./quality/route";
import { GET as sessionsRoute } from "./sessions/route";
import { GET as traceRoute } from "./traces/[traceId]/route";
import { GET as tracesRoute } from "./traces/route";

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);

async function seeded() {
  const t = await createTeam();
  const org = t.org;
  const config = await createBotConfig(org);
  const [intent] = await getDb().insert(botIntents).values({ orgId: org.id, configId: config.id, name: "Hours" }).returning();
  const handoffStep = (reason: string) => [{ type: "handoff" as const, name: reason, ms: 0 }];
  await createTrace(org, { outcome: "ANSWERED", latencyMs: 100, model: "gpt-4o-mini", inputTokens: 1000, outputTokens: 200, passages: [{ chunkId: "1", documentId: "1", title: "FAQ", score: 0.9, content: "We open at 9" }] });
  await createTrace(org, { outcome: "INTENT", latencyMs: 20, intentId: intent.id, confidence: 1 });
  await createTrace(org, { outcome: "INTENT", latencyMs: 30, intentId: intent.id, createdAt: daysAgo(2) });
  await createTrace(org, { outcome: "HANDOFF", latencyMs: 50, steps: handoffStep("requested") });
  await createTrace(org, { outcome: "HANDOFF", latencyMs: 60, steps: handoffStep("low_confidence"), createdAt: daysAgo(3) });
  await createTrace(org, { outcome: "FALLBACK", latencyMs: 70, steps: handoffStep("no_answer") });
  await createTrace(org, { outcome: "ERROR", latencyMs: 900, error: "boom", steps: handoffStep("error") });
  await createTrace(org, { outcome: "SKIPPED", latencyMs: 1 });
  // Outside the default windows, and a builder test call: neither counts.
  await createTrace(org, { outcome: "ANSWERED", createdAt: daysAgo(40) });
  await createTrace(org, { outcome: "ANSWERED", source: "TEST" });
  return { ...t, config, intent };
}

describe("bot metrics", () => {
  it("computes quality metrics over the window", async () => {
    const { org, adminToken, agentToken, admin } = await seeded();
    const { conversation } = await createConversation(org);
    const [msg] = await getDb().insert(messages).values({ orgId: org.id, conversationId: conversation.id, direction: "OUTBOUND", type: "TEXT", body: "Hi", status: "SENT", senderType: "BOT" }).returning();
    await getDb().insert(botFeedback).values({ orgId: org.id, messageId: msg.id, conversationId: conversation.id, userId: admin.id, rating: -1 });

    const res = await call(qualityRoute, { token: agentToken });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(res.json).toMatchObject({
      source: "local",
      days: 30,
      turns: 7,
      answerRate: 0.4286,
      handoffRate: 0.2857,
      fallbackRate: 0.1429,
      errorRate: 0.1429,
      feedback: { positive: 0, negative: 1, neutral: 0 },
      cost: { inputTokens: 1000, outputTokens: 200 },
    });
    expect(res.json.avgLatencyMs).toBe(Math.round((100 + 20 + 30 + 50 + 60 + 70 + 900) / 7));
    expect(res.json.p95LatencyMs).toBeGreaterThan(100);
    expect(res.json.cost.estimatedCostUsd).toBeGreaterThan(0);
    expect(res.json.topIntents).toEqual([{ intentId: expect.any(String), name: "Hours", count: 2 }]);
    expect(res.json.handoffReasons).toEqual(expect.arrayContaining([{ reason: "requested", count: 1 }, { reason: "low_confidence", count: 1 }, { reason: "error", count: 1 }]));
    expect(res.json.byDay.reduce((n: number, d: { turns: number }) => n + d.turns, 0)).toBe(7);
    expect(res.json.byDay.length).toBeGreaterThanOrEqual(3);

    const narrow = await call(qualityRoute, { token: adminToken, query: { days: "1" } });
    expect(narrow.json.turns).toBe(5);
    expect((await call(qualityRoute, { token: adminToken, query: { days: "0" } })).status).toBe(400);
  });

  it("lists traces with a summary, and one trace in full through the tenant", async () => {
    const { adminToken, agentToken } = await seeded();
    const other = await seeded();
    expect((await call(tracesRoute, { token: agentToken })).status).toBe(403);
    const res = await call(tracesRoute, { token: adminToken, query: { force: "true" } });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(res.json.source).toBe("local");
    expect(res.json.summary).toMatchObject({ count: 8, byOutcome: { ANSWERED: 1, INTENT: 2, HANDOFF: 2, FALLBACK: 1, ERROR: 1, SKIPPED: 1 } });
    expect(res.json.data).toHaveLength(8);
    expect((await call(tracesRoute, { token: adminToken, query: { days: "31" } })).status).toBe(400);
    const paged = await call(tracesRoute, { token: adminToken, query: { limit: "2", page: "2" } });
    expect(paged.json).toMatchObject({ page: 2, limit: 2, total: 8 });
    expect(paged.json.data).toHaveLength(2);

    const answered = res.json.data.find((t: { outcome: string }) => t.outcome === "ANSWERED");
    const detail = await call(traceRoute, { token: adminToken, params: { traceId: answered.traceId } });
    expect(detail.status).toBe(200);
    expect(detail.json).toMatchObject({ source: "local", channel: "SANDBOX", outcome: "ANSWERED", passages: [{ title: "FAQ" }], steps: [], toolCalls: [] });
    expect((await call(traceRoute, { token: other.adminToken, params: { traceId: answered.traceId } })).status).toBe(404);
    expect((await call(traceRoute, { token: adminToken, params: { traceId: "nope" } })).status).toBe(404);
  });

  it("filters traces by conversation, through the tenant", async () => {
    const { org, adminToken } = await seeded();
    const other = await seeded();
    const { conversation } = await createConversation(org);
    const { conversation: foreign } = await createConversation(other.org);
    await createTrace(org, { outcome: "ANSWERED", conversationId: conversation.id, source: "WHATSAPP" });
    await createTrace(org, { outcome: "HANDOFF", conversationId: conversation.id, source: "WHATSAPP" });
    await createTrace(org, { outcome: "ANSWERED", conversationId: conversation.id, source: "TEST" });
    await createTrace(other.org, { outcome: "ANSWERED", conversationId: foreign.id, source: "WHATSAPP" });

    const res = await call(tracesRoute, { token: adminToken, query: { conversationId: String(conversation.id), limit: "1" } });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(res.json).toMatchObject({ total: 2, summary: { count: 2, byOutcome: { ANSWERED: 1, HANDOFF: 1 } } });
    expect(res.json.data).toEqual([expect.objectContaining({ conversationId: String(conversation.id) })]);
    const theirs = await call(tracesRoute, { token: adminToken, query: { conversationId: String(foreign.id) } });
    expect(theirs.json).toMatchObject({ total: 0, data: [] });
    expect((await call(tracesRoute, { token: adminToken, query: { conversationId: "abc" } })).status).toBe(400);
  });

  it("pages sessions with the conversation's displayId and the contact", async () => {
    const { org, adminToken, config } = await seeded();
    for (const closureType of ["ESCALATED", "ABANDONED", null] as const) {
      const { conversation } = await createConversation(org);
      await getDb().insert(botSessions).values({ orgId: org.id, conversationId: conversation.id, configId: config.id, turns: 3, closureType, endedAt: closureType ? new Date() : null });
    }
    const all = await call(sessionsRoute, { token: adminToken, query: { limit: "2" } });
    expect(all.status, JSON.stringify(all.json)).toBe(200);
    expect(all.json).toMatchObject({ page: 1, limit: 2, total: 3 });
    expect(all.json.data[0]).toMatchObject({ conversationDisplayId: expect.any(Number), contactName: expect.any(String), turns: 3 });
    const escalated = await call(sessionsRoute, { token: adminToken, query: { closureType: "ESCALATED" } });
    expect(escalated.json.data.map((s: { closureType: string }) => s.closureType)).toEqual(["ESCALATED"]);
  });
});
