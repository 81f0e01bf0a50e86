import { eq, inArray } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { actAsProduction, drain, drainDuring, serveSandboxApp } from "@/lib/services/sandbox/testing";
import { createTemplateRow } from "@/lib/testing/account-factories";
import { contacts, conversations, getDb, messages, templates } from "@/lib/testing/db";
import { createTeam } from "@/lib/testing/factories";
import { call } from "@/lib/testing/http";
import { auditOf } from "@/lib/testing/inspect";
import { POST as graphRoute } from "../../../sandbox/graph/[...path]/route";
import { POST as webhookRoute } from "../../../webhooks/whatsapp/route";
import { POST as batchRoute } from "./batch/route";
import { DELETE as cleanupRoute } from "./cleanup/route";
import { POST as conversationRoute } from "./conversation/route";
import { POST as messageRoute } from "./message/route";
import { POST as templateStatusRoute } from "./template-status/route";

let app: Awaited<ReturnType<typeof serveSandboxApp>>;
beforeAll(async () => {
  app = await serveSandboxApp({ graph: graphRoute, webhook: webhookRoute });
});
afterAll(() => app.close());
afterEach(() => actAsProduction(false));

const ROUTES = [
  [conversationRoute, {}],
  [batchRoute, { count: 1 }],
  [messageRoute, { conversationId: "1" }],
  [cleanupRoute, undefined],
  [templateStatusRoute, { templateName: "x", event: "APPROVED" }],
] as const;

describe("/dev/simulate access", () => {
  it("answers 404 in production unless DEV_TOOLS=true, and 403 to agents", async () => {
    const { adminToken, agentToken } = await createTeam();
    actAsProduction(true);
    for (const [route, body] of ROUTES) expect((await call(route, { token: adminToken, body })).status).toBe(404);
    actAsProduction(true, true);
    expect((await call(cleanupRoute, { token: adminToken })).status).toBe(200);
    for (const [route, body] of ROUTES) expect((await call(route, { token: agentToken, body })).status).toBe(403);
  });
});

describe("/dev/simulate through the real pipeline", () => {
  it("simulates a conversation and a follow-up message, returning the stored ids", async () => {
    const { org, adminToken } = await createTeam();
    const res = await drainDuring(call(conversationRoute, { token: adminToken, body: { name: "Luis", phone: "+52 1 55 5555 0101", text: "Hola" } }));
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    expect(res.json).toMatchObject({ waId: "5215555550101", conversationId: expect.any(String), message: { wamid: expect.stringMatching(/^wamid\./), messageId: expect.any(String) } });
    const [msg] = await getDb().select().from(messages).where(eq(messages.id, Number(res.json.message.messageId)));
    expect(msg).toMatchObject({ body: "Hola", direction: "INBOUND", conversationId: Number(res.json.conversationId), orgId: org.id });

    const next = await drainDuring(call(messageRoute, { token: adminToken, body: { conversationId: res.json.conversationId, text: "¿Siguen ahí?" } }));
    expect(next.status).toBe(201);
    expect(next.json.conversationId).toBe(res.json.conversationId);
    const other = await createTeam();
    expect((await call(messageRoute, { token: other.adminToken, body: { conversationId: res.json.conversationId } })).status).toBe(404);
  });

  it("simulates a batch: one conversation per customer, every message stored once", async () => {
    const { org, adminToken } = await createTeam();
    const res = await call(batchRoute, { token: adminToken, body: { count: 3, messagesPerConversation: 2 } });
    expect(res.status).toBe(201);
    expect(res.json.conversations).toHaveLength(3);
    expect(res.json.messages).toBe(6);
    await drain();
    const convs = await getDb().select().from(conversations).where(eq(conversations.orgId, org.id));
    expect(convs).toHaveLength(3);
    expect(convs.every((c) => c.isSimulated && c.unreadCount === 2)).toBe(true);
    expect((await call(batchRoute, { token: adminToken, body: { count: 201 } })).status).toBe(400);
  });

  it("delivers a template status update for the org's template", async () => {
    const { org, adminToken } = await createTeam();
    const t = await createTemplateRow(org, { name: "promo_junio", status: "PENDING" });
    const res = await call(templateStatusRoute, { token: adminToken, body: { templateName: "promo_junio", event: "REJECTED", reason: "SCAM" } });
    expect(res.status, JSON.stringify(res.json)).toBe(202);
    expect(res.json).toEqual({ templateId: String(t.id), metaTemplateId: t.metaTemplateId, event: "REJECTED", delivered: true });
    await drain();
    const [row] = await getDb().select().from(templates).where(eq(templates.id, t.id));
    expect(row).toMatchObject({ status: "REJECTED", rejectedReason: "SCAM" });
    expect((await call(templateStatusRoute, { token: adminToken, body: { templateName: "nope", event: "APPROVED" } })).status).toBe(404);
  });

  it("cleans up simulated data only", async () => {
    const { org, admin, adminToken } = await createTeam();
    await call(batchRoute, { token: adminToken, body: { count: 2 } });
    await drain();
    const [real] = await getDb().insert(contacts).values({ orgId: org.id, waId: "5215500009999", name: "Real" }).returning();
    const res = await call(cleanupRoute, { token: adminToken });
    expect(res.json).toEqual({ contacts: 2, conversations: 2, messages: 2 });
    const left = await getDb().select().from(contacts).where(eq(contacts.orgId, org.id));
    expect(left.map((c) => c.id)).toEqual([real.id]);
    expect(await getDb().select().from(conversations).where(inArray(conversations.orgId, [org.id]))).toEqual([]);
    expect((await auditOf(org.id, "dev.simulated_data_deleted"))[0]).toMatchObject({ actorUserId: admin.id });
  });
});
