import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getBoss } from "@/lib/jobs/boss";
import { resetTypingSlots } from "@/lib/services/messages/typing";
import { createConversation, createInbound } from "@/lib/services/messages/testing";
import { conversations, getDb, messages, notifications, teamMembers, teams } from "@/lib/testing/db";
import { createApiKey, createTeam, createUser } from "@/lib/testing/factories";
import { withGraphDouble } from "@/lib/testing/graph-double";
import { recordEvents } from "@/lib/testing/events";
import { call } from "@/lib/testing/http";
import { POST as sendMedia } from "./messages/media/route";
import { GET as list, POST as send } from "./messages/route";
import { POST as note } from "./notes/route";
import { POST as typing } from "./typing/route";

const emitted = recordEvents();

const double = withGraphDouble();
let team: Awaited<ReturnType<typeof createTeam>>;
beforeAll(async () => {
  team = await createTeam();
});

const id = (n: number | string) => ({ id: String(n) });
const ids = (data: { id: string }[]) => data.map((m) => m.id);
const queued = async () => (await (await getBoss()).fetch<{ messageId: number }>("whatsapp.send", { batchSize: 100 })).map((j) => j.data.messageId);
const conversationRow = async (n: number) => (await getDb().select().from(conversations).where(eq(conversations.id, n)))[0];

/** A conversation of a team the agent is not in: only admins (and the team's members) see it. */
async function teamConversation(org: { id: number }) {
  const [t] = await getDb().insert(teams).values({ orgId: org.id, name: `Billing ${Date.now()}${Math.random()}` }).returning();
  const { conversation } = await createConversation(org);
  await getDb().update(conversations).set({ teamId: t.id }).where(eq(conversations.id, conversation.id));
  return { conversation, teamId: t.id };
}

async function insertMessages(conv: { id: number; orgId: number }, rows: { body: string; at: Date; isPrivate?: boolean }[]) {
  return getDb()
    .insert(messages)
    .values(
      rows.map((r) => ({
        orgId: conv.orgId,
        conversationId: conv.id,
        direction: "INBOUND" as const,
        type: "TEXT" as const,
        body: r.body,
        status: "RECEIVED" as const,
        senderType: "CUSTOMER" as const,
        isPrivate: r.isPrivate ?? false,
        createdAt: r.at,
      })),
    )
    .returning();
}

describe("GET /conversations/{id}/messages", () => {
  it("pages newest first by cursor and returns each page oldest → newest, notes included", async () => {
    const { conversation } = await createConversation(team.org);
    const t = Date.now() - 60_000;
    const same = new Date(t + 3_000);
    // Two rows share one timestamp: the keyset must order them by id and never skip or repeat one.
    const rows = await insertMessages(conversation, [
      { body: "uno", at: new Date(t + 1_000) },
      { body: "dos", at: new Date(t + 2_000) },
      { body: "tres", at: same },
      { body: "cuatro", at: same },
      { body: "nota", at: new Date(t + 4_000), isPrivate: true },
    ]);
    const all = rows.map((r) => String(r.id));

    const first = await call(list, { token: team.agentToken, params: id(conversation.id), query: { limit: "2" } });
    expect(first.status).toBe(200);
    expect(ids(first.json.data)).toEqual(all.slice(3));
    expect(first.json.data[1]).toMatchObject({ isPrivate: true, body: "nota" });
    expect(first.json.nextCursor).toEqual(expect.any(String));

    const second = await call(list, { token: team.agentToken, params: id(conversation.id), query: { limit: "2", cursor: first.json.nextCursor } });
    expect(ids(second.json.data)).toEqual(all.slice(1, 3));
    const third = await call(list, { token: team.agentToken, params: id(conversation.id), query: { limit: "2", cursor: second.json.nextCursor } });
    expect(ids(third.json.data)).toEqual(all.slice(0, 1));
    expect(third.json.nextCursor).toBeNull();

    const whole = await call(list, { token: team.agentToken, params: id(conversation.id) });
    expect(ids(whole.json.data)).toEqual(all);
    expect(whole.json.nextCursor).toBeNull();
  });

  it("refuses bad cursors and limits; another org's or an invisible team conversation is a 404", async () => {
    const { conversation } = await createConversation(team.org);
    expect((await call(list, { token: team.agentToken, params: id(conversation.id), query: { cursor: "garbage" } })).status).toBe(400);
    expect((await call(list, { token: team.agentToken, params: id(conversation.id), query: { limit: "101" } })).status).toBe(400);

    const hidden = await teamConversation(team.org);
    expect((await call(list, { token: team.agentToken, params: id(hidden.conversation.id) })).status).toBe(404);
    expect((await call(list, { token: team.adminToken, params: id(hidden.conversation.id) })).status).toBe(200);
    await getDb().insert(teamMembers).values({ teamId: hidden.teamId, userId: team.agent.id, orgId: team.org.id });
    expect((await call(list, { token: team.agentToken, params: id(hidden.conversation.id) })).status).toBe(200);
  });
});

describe("POST /conversations/{id}/messages", () => {
  it("sends text as the agent through the outbound path (also as {type: 'text'}), quoting a message", async () => {
    const { conversation } = await createConversation(team.org);
    const inbound = await createInbound(conversation, "¿Tienen envío?");
    const res = await call(send, { token: team.agentToken, params: id(conversation.id), body: { kind: "text", text: "¡Sí!", replyToMessageId: String(inbound.id) } });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      direction: "OUTBOUND",
      type: "TEXT",
      body: "¡Sí!",
      status: "PENDING",
      senderType: "AGENT",
      sender: { id: String(team.agent.id), name: "Alan Agent" },
      replyTo: { id: String(inbound.id), body: "¿Tienen envío?" },
      isPrivate: false,
    });
    const alias = await call(send, { token: team.agentToken, params: id(conversation.id), body: { type: "text", text: "Te lo mando hoy" } });
    expect(alias.status).toBe(201);
    expect(alias.json).toMatchObject({ type: "TEXT", body: "Te lo mando hoy" });
    expect(await queued()).toEqual(expect.arrayContaining([Number(res.json.id), Number(alias.json.id)]));
    expect((await conversationRow(conversation.id)).status).toBe("WAITING_FOR_CUSTOMER");

    expect((await call(send, { token: team.agentToken, params: id(conversation.id), body: { type: "text", text: "" } })).status).toBe(400);
    expect((await call(send, { token: team.agentToken, params: id(conversation.id), body: { type: "image", text: "x" } })).status).toBe(400);
  });

  it("answers 422 WINDOW_CLOSED outside the 24-hour window and 404 for a conversation the agent cannot see", async () => {
    const { conversation } = await createConversation(team.org, { lastCustomerAt: new Date(Date.now() - 25 * 3_600_000) });
    const res = await call(send, { token: team.agentToken, params: id(conversation.id), body: { kind: "text", text: "Hola" } });
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe("WINDOW_CLOSED");

    const hidden = await teamConversation(team.org);
    expect((await call(send, { token: team.agentToken, params: id(hidden.conversation.id), body: { kind: "text", text: "Hola" } })).status).toBe(404);
  });
});

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);
const formWith = (file: Blob, name: string, fields: Record<string, string> = {}) => {
  const form = new FormData();
  form.set("file", file, name);
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return form;
};

describe("POST /conversations/{id}/messages/media", () => {
  it("sends an uploaded image with its caption", async () => {
    const { conversation } = await createConversation(team.org);
    const res = await call(sendMedia, { token: team.agentToken, params: id(conversation.id), form: formWith(new Blob([PNG], { type: "image/png" }), "foto.png", { caption: "Tu recibo" }) });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ type: "IMAGE", body: "Tu recibo", status: "PENDING", media: { mimeType: "image/png", caption: "Tu recibo", url: expect.stringMatching(/^\/api\/files\/\d+$/) } });
  });

  it("answers 415 with the allowed types, 413 over the limit, 400 without a file, 404 when invisible", async () => {
    const { conversation } = await createConversation(team.org);
    const html = await call(sendMedia, { token: team.agentToken, params: id(conversation.id), form: formWith(new Blob(["<html></html>"], { type: "text/html" }), "x.html") });
    expect(html.status).toBe(415);
    expect(html.json.error.message).toContain("image/jpeg");

    const big = Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]);
    const tooBig = await call(sendMedia, { token: team.agentToken, params: id(conversation.id), form: formWith(new Blob([big], { type: "image/png" }), "big.png") });
    expect(tooBig.status).toBe(413);

    const none = new FormData();
    none.set("caption", "sin archivo");
    expect((await call(sendMedia, { token: team.agentToken, params: id(conversation.id), form: none })).status).toBe(400);
    const badType = formWith(new Blob([PNG], { type: "image/png" }), "a.png", { mediaType: "gif" });
    expect((await call(sendMedia, { token: team.agentToken, params: id(conversation.id), form: badType })).status).toBe(400);

    const foreign = await createConversation((await createTeam()).org);
    expect((await call(sendMedia, { token: team.adminToken, params: id(foreign.conversation.id), form: new FormData() })).status).toBe(404);

    const hidden = await teamConversation(team.org);
    const res = await call(sendMedia, { token: team.agentToken, params: id(hidden.conversation.id), form: formWith(new Blob([PNG], { type: "image/png" }), "a.png") });
    expect(res.status).toBe(404);
    const stored = await getDb().select().from(messages).where(eq(messages.conversationId, hidden.conversation.id));
    expect(stored).toHaveLength(0);
  });
});

describe("POST /conversations/{id}/notes", () => {
  it("stores a private note, leaves the conversation alone, notifies the mentioned members but not the author", async () => {
    const { conversation } = await createConversation(team.org);
    const before = await conversationRow(conversation.id);
    const colleague = await createUser({ org: team.org, role: "AGENT", name: "Cleo Colleague" });
    emitted.length = 0;
    await queued();

    const res = await call(note, {
      token: team.agentToken,
      params: id(conversation.id),
      body: { body: "@Cleo can you check the refund?", mentions: [String(colleague.id), team.agent.id, String(colleague.id)] },
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ isPrivate: true, type: "TEXT", direction: "OUTBOUND", senderType: "AGENT", status: "SENT", sender: { id: String(team.agent.id) } });
    expect(res.json.mentions.sort()).toEqual([String(colleague.id), String(team.agent.id)].sort());

    const after = await conversationRow(conversation.id);
    expect(after).toMatchObject({ status: before.status, lastMessagePreview: before.lastMessagePreview, lastMessageAt: before.lastMessageAt, version: before.version });
    expect(await queued()).toEqual([]);

    const sent = await getDb().select().from(notifications).where(eq(notifications.messageId, Number(res.json.id)));
    expect(sent.map((n) => [n.userId, n.type, n.actorId, n.conversationId])).toEqual([[colleague.id, "MENTION", team.agent.id, conversation.id]]);
    expect(emitted.map((e) => e.name)).toEqual(expect.arrayContaining(["message.created", "notification.created"]));
    expect(emitted.find((e) => e.name === "notification.created")?.payload).toMatchObject({ userId: colleague.id });
    expect(emitted.some((e) => e.name === "conversation.updated")).toBe(false);

    const listed = await call(list, { token: team.adminToken, params: id(conversation.id) });
    expect(ids(listed.json.data)).toContain(res.json.id);
  });

  it("404s a mention of someone outside the org (nothing stored) and an invisible conversation; 400 on an empty body", async () => {
    const { conversation } = await createConversation(team.org);
    const other = await createTeam();
    const res = await call(note, { token: team.agentToken, params: id(conversation.id), body: { body: "hi", mentions: [String(other.agent.id)] } });
    expect(res.status).toBe(404);
    expect(await getDb().select().from(messages).where(eq(messages.conversationId, conversation.id))).toHaveLength(0);
    expect((await call(note, { token: team.agentToken, params: id(conversation.id), body: { body: "  " } })).status).toBe(400);
    const hidden = await teamConversation(team.org);
    expect((await call(note, { token: team.agentToken, params: id(hidden.conversation.id), body: { body: "hi" } })).status).toBe(404);
  });

  it("notifies only the mentioned members who may see the conversation", async () => {
    const { conversation, teamId } = await teamConversation(team.org);
    const outsider = await createUser({ org: team.org, role: "AGENT" });
    const member = await createUser({ org: team.org, role: "AGENT" });
    await getDb().insert(teamMembers).values({ teamId, userId: member.id, orgId: team.org.id });
    const res = await call(note, {
      token: team.adminToken,
      params: id(conversation.id),
      body: { body: "@all billing question", mentions: [String(outsider.id), String(member.id)] },
    });
    expect(res.status).toBe(201);
    const rows = await getDb().select().from(notifications).where(eq(notifications.messageId, Number(res.json.id)));
    expect(rows.map((r) => r.userId)).toEqual([member.id]);
  });

  it("works with an org API key (sender type API)", async () => {
    const { conversation } = await createConversation(team.org);
    const key = await createApiKey(team.org);
    const res = await call(note, { token: key.secret, params: id(conversation.id), body: { body: "from the CRM" } });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ senderType: "API", sender: null, mentions: [] });
  });
});

describe("POST /conversations/{id}/typing", () => {
  beforeEach(() => resetTypingSlots());

  it("shows the typing indicator on the customer's last message, at most once per 5 s per conversation", async () => {
    const { conversation } = await createConversation(team.org);
    const inbound = await createInbound(conversation, "Hola");
    const res = await call(typing, { token: team.agentToken, params: id(conversation.id), body: {} });
    expect(res.status).toBe(204);
    expect(double.sim.state.reads.get(inbound.providerMessageId!)).toMatchObject({ typing: true });

    double.sim.state.reads.delete(inbound.providerMessageId!);
    expect((await call(typing, { token: team.agentToken, params: id(conversation.id) })).status).toBe(204);
    expect(double.sim.state.reads.has(inbound.providerMessageId!)).toBe(false);
  });

  it("is best effort: Graph errors and a conversation without customer messages still answer 204", async () => {
    const { conversation } = await createConversation(team.org);
    await createInbound(conversation, "Hola");
    double.sim.failNext({ code: 131000, status: 500, message: "Something went wrong" });
    expect((await call(typing, { token: team.agentToken, params: id(conversation.id), body: {} })).status).toBe(204);

    const empty = await createConversation(team.org);
    expect((await call(typing, { token: team.agentToken, params: id(empty.conversation.id), body: {} })).status).toBe(204);

    const hidden = await teamConversation(team.org);
    expect((await call(typing, { token: team.agentToken, params: id(hidden.conversation.id), body: {} })).status).toBe(404);
  });
});
