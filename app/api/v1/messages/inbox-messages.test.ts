import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createConversation, createInbound } from "@/lib/services/messages/testing";
import { conversations, getDb, messages, teams } from "@/lib/testing/db";
import { createTeam } from "@/lib/testing/factories";
import { recordEvents } from "@/lib/testing/events";
import { call } from "@/lib/testing/http";
import { POST as toggleHide } from "./[id]/toggle-hide/route";
import { GET as search } from "./search/route";

const emitted = recordEvents();

let team: Awaited<ReturnType<typeof createTeam>>;
beforeAll(async () => {
  team = await createTeam();
});

const id = (n: number | string) => ({ id: String(n) });

async function hideInTeam(conversationId: number, orgId: number) {
  const [t] = await getDb().insert(teams).values({ orgId, name: `Team ${conversationId}` }).returning();
  await getDb().update(conversations).set({ teamId: t.id }).where(eq(conversations.id, conversationId));
}

describe("POST /messages/{id}/toggle-hide", () => {
  it("flips hidden back and forth and emits message.updated", async () => {
    const { conversation } = await createConversation(team.org);
    const m = await createInbound(conversation, "spam spam");
    emitted.length = 0;
    const first = await call(toggleHide, { token: team.agentToken, params: id(m.id), body: {} });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ id: String(m.id), hidden: true, body: "spam spam" });
    expect(emitted).toContainEqual({ name: "message.updated", payload: { orgId: team.org.id, conversationId: conversation.id, messageId: m.id, status: "RECEIVED" } });
    const second = await call(toggleHide, { token: team.agentToken, params: id(m.id) });
    expect(second.json.hidden).toBe(false);
  });

  it("is a 404 for a message of a conversation the agent cannot see", async () => {
    const { conversation } = await createConversation(team.org);
    const m = await createInbound(conversation);
    await hideInTeam(conversation.id, team.org.id);
    const res = await call(toggleHide, { token: team.agentToken, params: id(m.id), body: {} });
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe("NOT_FOUND");
    expect((await getDb().select().from(messages).where(eq(messages.id, m.id)))[0].hidden).toBe(false);
    expect((await call(toggleHide, { token: team.adminToken, params: id(m.id), body: {} })).status).toBe(200);
  });
});

describe("GET /messages/search", () => {
  it("finds Spanish and English words by their stems, newest first, with a <mark> headline, in the caller's org only", async () => {
    const { org, agentToken } = await createTeam();
    const a = await createConversation(org);
    const b = await createConversation(org);
    const es = await createInbound(a.conversation, "Quiero cancelar mis pedidos de ayer");
    const en = await createInbound(b.conversation, "I would like to cancel my orders please");
    const tricky = await createInbound(b.conversation, "<b>pedido</b> & más");
    await createInbound((await createConversation(team.org)).conversation, "Quiero cancelar mis pedidos");

    const q = async (query: Record<string, string>) => call(search, { token: agentToken, query });
    const pedido = await q({ q: "pedido" });
    expect(pedido.status).toBe(200);
    expect(pedido.json.data.map((h: { message: { id: string } }) => h.message.id)).toEqual([String(tricky.id), String(es.id)]);
    expect(pedido.json.data[1]).toMatchObject({
      message: { body: "Quiero cancelar mis pedidos de ayer", conversationId: String(a.conversation.id) },
      conversation: { id: String(a.conversation.id), displayId: a.conversation.displayId },
      headline: expect.stringContaining("<mark>pedidos</mark>"),
    });
    // The message's own markup is escaped: only <mark> is HTML in a headline.
    expect(pedido.json.data[0].headline).toContain("<mark>pedido</mark>&lt;/b&gt; &amp; más");
    expect(pedido.json.data[0].headline).not.toMatch(/<(?!\/?mark>)/);

    const order = await q({ q: "order" });
    expect(order.json.data.map((h: { message: { id: string } }) => h.message.id)).toEqual([String(en.id)]);
    expect(order.json.data[0].headline).toContain("<mark>orders</mark>");

    const cancel = await q({ q: "cancel" });
    expect(cancel.json.data.map((h: { message: { id: string } }) => h.message.id).sort()).toEqual([String(es.id), String(en.id)].sort());
    expect((await q({ q: '"cancel my orders"' })).json.data).toHaveLength(1);
    // "cancelar" stems to the same word as "cancel"; the message that says "ayer" is excluded.
    expect((await q({ q: "cancelar -ayer" })).json.data.map((h: { message: { id: string } }) => h.message.id)).toEqual([String(en.id)]);
    expect((await q({ q: "pedido", conversationId: String(a.conversation.id) })).json.data).toHaveLength(1);
    expect((await q({ q: "zebra" })).json).toEqual({ data: [], nextCursor: null });
  });

  it("pages with a cursor and leaves out conversations the agent cannot see", async () => {
    const { org, agentToken, adminToken } = await createTeam();
    const open = await createConversation(org);
    const restricted = await createConversation(org);
    const m1 = await createInbound(open.conversation, "factura uno");
    const m2 = await createInbound(open.conversation, "factura dos");
    const m3 = await createInbound(restricted.conversation, "factura secreta");
    await hideInTeam(restricted.conversation.id, org.id);

    const first = await call(search, { token: agentToken, query: { q: "factura", limit: "1" } });
    expect(first.json.data.map((h: { message: { id: string } }) => h.message.id)).toEqual([String(m2.id)]);
    const second = await call(search, { token: agentToken, query: { q: "factura", limit: "1", cursor: first.json.nextCursor } });
    expect(second.json.data.map((h: { message: { id: string } }) => h.message.id)).toEqual([String(m1.id)]);
    expect(second.json.nextCursor).toBeNull();

    const admin = await call(search, { token: adminToken, query: { q: "factura" } });
    expect(admin.json.data.map((h: { message: { id: string } }) => h.message.id)).toEqual([String(m3.id), String(m2.id), String(m1.id)]);
    expect((await call(search, { token: agentToken, query: { q: "factura", conversationId: String(restricted.conversation.id) } })).status).toBe(404);
  });

  it("validates the query", async () => {
    expect((await call(search, { token: team.agentToken, query: {} })).status).toBe(400);
    expect((await call(search, { token: team.agentToken, query: { q: "x", cursor: "nope" } })).status).toBe(400);
    expect((await call(search, { token: team.agentToken, query: { q: "x", limit: "0" } })).status).toBe(400);
    // Operators alone are no search at all, not an error.
    expect((await call(search, { token: team.agentToken, query: { q: "-" } })).json.data).toEqual([]);
  });
});
