import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { markConversationRead } from "@/lib/services/messages/mark-read";
import { sendMessage } from "@/lib/services/messages/send-message";
import { appSimulator } from "@/lib/services/sandbox/graph-simulator";
import { actAsProduction, drain, serveSandboxApp } from "@/lib/services/sandbox/testing";
import { contacts, conversations, getDb, webhookEvents } from "@/lib/testing/db";
import { createTeam, ctxFor } from "@/lib/testing/factories";
import { call } from "@/lib/testing/http";
import { POST as graphRoute } from "../../sandbox/graph/[...path]/route";
import { POST as webhookRoute } from "../../webhooks/whatsapp/route";
import { POST as sendRoute } from "./customers/[id]/messages/route";
import { GET as threadRoute } from "./customers/[id]/thread/route";
import { GET as listRoute, POST as createRoute } from "./customers/route";
import { POST as uploadRoute } from "./media/route";

// The smallest valid PNG: what a customer's photo is, as far as WhatsApp's checks go.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

let app: Awaited<ReturnType<typeof serveSandboxApp>>;
beforeAll(async () => {
  app = await serveSandboxApp({ graph: graphRoute, webhook: webhookRoute });
});
afterAll(() => app.close());
afterEach(() => actAsProduction(false));

async function customerOf(token: string, name = "Ana López", phone = `+52 1 55 ${Math.floor(1e7 + Math.random() * 9e7)}`) {
  const res = await call(createRoute, { token, body: { name, phone } });
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return res.json as { id: string; waId: string };
}

const thread = async (token: string, id: string) => (await call(threadRoute, { token, params: { id } })).json;
const say = async (token: string, id: string, body: unknown) => {
  const res = await call(sendRoute, { token, params: { id }, body });
  expect(res.status, JSON.stringify(res.json)).toBe(202);
  await drain();
  return res.json.wamid as string;
};

describe("sandbox customers", () => {
  it("creates simulated customers (agents too) and lists them with the org's sandbox number", async () => {
    const { org, adminToken, agentToken } = await createTeam();
    const ana = await customerOf(agentToken, "Ana", "+52 (55) 1234-5678");
    expect(ana).toMatchObject({ name: "Ana", waId: "525512345678", conversationId: null });
    expect((await call(createRoute, { token: adminToken, body: { name: "Ana again", phone: "525512345678" } })).json.id).toBe(ana.id);

    const list = await call(listRoute, { token: adminToken });
    expect(list.status).toBe(200);
    expect(list.json.number).toMatchObject({ verifiedName: org.name });
    expect(list.json.data.map((c: { id: string }) => c.id)).toEqual([ana.id]);
    const [row] = await getDb().select().from(contacts).where(eq(contacts.id, Number(ana.id)));
    expect(row.isSimulated).toBe(true);

    await getDb().insert(contacts).values({ orgId: org.id, waId: "5215500000001", name: "Real" });
    const taken = await call(createRoute, { token: adminToken, body: { name: "X", phone: "5215500000001" } });
    expect(taken.status).toBe(409);
    expect((await call(createRoute, { token: adminToken, body: { name: "X", phone: "12" } })).status).toBe(400);
    // A real contact is not a sandbox customer, even in the same org.
    const [real] = await getDb().select().from(contacts).where(and(eq(contacts.orgId, org.id), eq(contacts.waId, "5215500000001")));
    expect((await call(threadRoute, { token: adminToken, params: { id: String(real.id) } })).status).toBe(404);
  });

  it("answers 404 in production unless DEV_TOOLS=true", async () => {
    const { adminToken } = await createTeam();
    actAsProduction(true);
    expect((await call(listRoute, { token: adminToken })).status).toBe(404);
    actAsProduction(true, true);
    expect((await call(listRoute, { token: adminToken })).status).toBe(200);
  });
});

describe("chatting as the customer", () => {
  it("delivers the customer's text as a signed webhook that the real pipeline stores", async () => {
    const { org, adminToken } = await createTeam();
    const ana = await customerOf(adminToken);
    const wamid = await say(adminToken, ana.id, { type: "text", text: "Hola, ¿tienen envío?" });

    const events = await getDb().select().from(webhookEvents).where(eq(webhookEvents.orgId, org.id));
    expect(events.map((e) => e.status)).toEqual(["PROCESSED"]);
    const t = await thread(adminToken, ana.id);
    expect(t.messages).toMatchObject([{ wamid, from: "customer", type: "TEXT", body: "Hola, ¿tienen envío?", status: "DELIVERED" }]);
    expect(t.customer.conversationId).not.toBeNull();
    const [conv] = await getDb().select().from(conversations).where(eq(conversations.id, Number(t.customer.conversationId)));
    expect(conv).toMatchObject({ isSimulated: true, unreadCount: 1 });
  });

  it("shows the business's reply with ticks up to read, and the business reading and typing", async () => {
    const { org, admin, adminToken } = await createTeam();
    const ana = await customerOf(adminToken);
    await say(adminToken, ana.id, { type: "text", text: "Hola" });
    const conversationId = Number((await thread(adminToken, ana.id)).customer.conversationId);
    const ctx = await ctxFor(admin, org);

    await markConversationRead(ctx, conversationId, { typing: true });
    let t = await thread(adminToken, ana.id);
    expect(t.messages[0].status).toBe("READ");
    expect(t.businessTyping).toBe(true);

    await sendMessage(ctx, {
      conversationId,
      kind: "interactive",
      interactive: { type: "button", header: "Envíos", body: "¿A qué ciudad?", buttons: [{ id: "gdl", title: "Guadalajara" }, { id: "mty", title: "Monterrey" }] },
    });
    await drain();
    t = await thread(adminToken, ana.id);
    expect(t.businessTyping).toBe(false);
    expect(t.messages[1]).toMatchObject({
      from: "business",
      type: "INTERACTIVE",
      header: "Envíos",
      body: "¿A qué ciudad?",
      status: "SENT",
      actions: { kind: "buttons", buttons: [{ id: "gdl", title: "Guadalajara" }, { id: "mty", title: "Monterrey" }] },
    });
    expect(appSimulator().state.sends.at(-1)).toMatchObject({ to: ana.waId, type: "interactive" });

    await appSimulator().idle();
    await drain();
    t = await thread(adminToken, ana.id);
    expect(t.messages[1].status).toBe("READ");

    // The customer taps a button and reacts to the question.
    const business = t.messages[1];
    await say(adminToken, ana.id, { type: "button_reply", messageId: business.id, buttonId: "mty" });
    await say(adminToken, ana.id, { type: "reaction", messageId: business.id, emoji: "👍" });
    t = await thread(adminToken, ana.id);
    expect(t.messages).toHaveLength(3);
    expect(t.messages[1].reactions).toEqual({ customer: "👍", business: null });
    expect(t.messages[2]).toMatchObject({ from: "customer", type: "INTERACTIVE", body: "Monterrey", replyTo: { id: business.id } });

    const wrong = await call(sendRoute, { token: adminToken, params: { id: ana.id }, body: { type: "button_reply", messageId: business.id, buttonId: "nope" } });
    expect(wrong.status).toBe(400);
    expect(wrong.json.error.details).toEqual([{ path: "buttonId", message: "is not a reply button of this message" }]);
  });

  it("sends a location and a photo, which the pipeline downloads from the simulator", async () => {
    const { adminToken } = await createTeam();
    const ana = await customerOf(adminToken);
    await say(adminToken, ana.id, { type: "location", latitude: 19.4326, longitude: -99.1332, name: "Zócalo" });

    const form = new FormData();
    form.set("file", new Blob([new Uint8Array(PNG)], { type: "image/png" }), "foto.png");
    const up = await call(uploadRoute, { token: adminToken, form });
    expect(up.status, JSON.stringify(up.json)).toBe(201);
    await say(adminToken, ana.id, { type: "image", mediaId: up.json.mediaId, caption: "Así llegó" });

    const t = await thread(adminToken, ana.id);
    expect(t.messages[0]).toMatchObject({ type: "LOCATION", location: { latitude: 19.4326, longitude: -99.1332, name: "Zócalo" } });
    expect(t.messages[1]).toMatchObject({ type: "IMAGE", body: "Así llegó", media: { status: "READY", mimeType: "image/png" } });
    expect(t.messages[1].media.url).toMatch(/^\/api\/files\/\d+$/);

    const bad = new FormData();
    bad.set("file", new Blob(["<svg/>"], { type: "image/svg+xml" }), "x.svg");
    expect((await call(uploadRoute, { token: adminToken, form: bad })).status).toBe(415);
    const unknown = await call(sendRoute, { token: adminToken, params: { id: ana.id }, body: { type: "image", mediaId: "123" } });
    expect(unknown.status).toBe(400);
  });
});
