import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { settleEvents } from "@/lib/events/emit";
import { createConversation, createInbound } from "@/lib/services/messages/testing";
import { withGraphDouble } from "@/lib/testing/graph-double";
import { auditOf } from "@/lib/testing/inspect";
import { conversations, getDb, memberships, messages, notifications, teamMembers, teams, users } from "@/lib/testing/db";
import { createApiKey, createTeam, createUser, tokenFor } from "@/lib/testing/factories";
import { recordEvents } from "@/lib/testing/events";
import { call } from "@/lib/testing/http";
import { POST as assign } from "./[id]/assign/route";
import { DELETE as clearFollowUp, POST as followUp } from "./[id]/follow-up/route";
import { POST as read } from "./[id]/read/route";
import { POST as resolve } from "./[id]/resolve/route";
import { POST as returnToBot } from "./[id]/return-to-bot/route";
import { POST as takeover } from "./[id]/takeover/route";
import { POST as unassign } from "./[id]/unassign/route";

const emitted = recordEvents();
beforeEach(() => {
  emitted.length = 0;
});

const graph = withGraphDouble();

async function conv(org: { id: number }, values: Partial<typeof conversations.$inferInsert> = {}, withAccount = false) {
  const { conversation } = await createConversation(org, withAccount ? {} : { account: null });
  if (!Object.keys(values).length) return conversation;
  const [row] = await getDb().update(conversations).set(values).where(eq(conversations.id, conversation.id)).returning();
  return row;
}
const p = (c: { id: number }) => ({ id: String(c.id) });
const updatedEvents = () => emitted.filter((e) => e.name === "conversation.updated");

describe("POST /conversations/{id}/takeover", () => {
  it("takes the conversation from the bot: HUMAN_HANDLING, mine, a system note in the thread", async () => {
    const t = await createTeam();
    const c = await conv(t.org, { status: "BOT_HANDLING" });
    const res = await call(takeover, { token: t.agentToken, params: p(c), body: {} });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: "HUMAN_HANDLING", assignee: { id: String(t.agent.id), name: "Alan Agent" }, version: c.version + 1 });
    expect(res.json.assignedAt).not.toBeNull();
    const notes = await getDb().select().from(messages).where(eq(messages.conversationId, c.id));
    expect(notes).toEqual([
      expect.objectContaining({ type: "SYSTEM", senderType: "SYSTEM", direction: "OUTBOUND", status: "SENT", isPrivate: true, body: "Alan Agent tomó la conversación" }),
    ]);
    await settleEvents();
    expect(updatedEvents().map((e) => e.payload)).toEqual([{ orgId: t.org.id, conversationId: c.id, version: c.version + 1 }]);
    expect(emitted.filter((e) => e.name === "message.created").map((e) => e.payload.messageId)).toEqual([notes[0].id]);
    expect((await auditOf(t.org.id, "conversation.assigned"))[0]).toMatchObject({ targetId: String(c.id), actorUserId: t.agent.id });

    // Already mine: nothing changes, no second note.
    const again = await call(takeover, { token: t.agentToken, params: p(c), body: {} });
    expect(again.json.version).toBe(c.version + 1);
    expect(await getDb().select().from(messages).where(eq(messages.conversationId, c.id))).toHaveLength(1);
  });

  it("someone else's conversation needs an admin; closed ones and API keys are refused", async () => {
    const t = await createTeam();
    const c = await conv(t.org, { status: "WAITING_FOR_CUSTOMER", assignedToId: t.admin.id });
    const refused = await call(takeover, { token: t.agentToken, params: p(c), body: {} });
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe("FORBIDDEN");
    const other = await conv(t.org, { status: "HUMAN_HANDLING", assignedToId: t.agent.id });
    const byAdmin = await call(takeover, { token: t.adminToken, params: p(other), body: {} });
    expect(byAdmin.json).toMatchObject({ status: "HUMAN_HANDLING", assignee: { id: String(t.admin.id) } });

    const closed = await conv(t.org, { status: "CLOSED" });
    const res = await call(takeover, { token: t.agentToken, params: p(closed), body: {} });
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe("ALREADY_CLOSED");
    const { secret } = await createApiKey(t.org);
    expect((await call(takeover, { token: secret, params: p(c), body: {} })).status).toBe(403);
  });
});

describe("POST /conversations/{id}/return-to-bot", () => {
  it("hands the conversation back with the given summary, or one built from the customer's words", async () => {
    const t = await createTeam();
    const c = await conv(t.org, { status: "HUMAN_HANDLING", assignedToId: t.agent.id, assignedAt: new Date() });
    const res = await call(returnToBot, { token: t.agentToken, params: p(c), body: { handoffSummary: "Wants a refund" } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: "BOT_HANDLING", assignee: null, assignedAt: null, handoffSummary: "Wants a refund" });
    const [note] = await getDb().select().from(messages).where(eq(messages.conversationId, c.id));
    expect(note).toMatchObject({ type: "SYSTEM", body: "Alan Agent devolvió la conversación al bot", isPrivate: true });

    const d = await conv(t.org, { status: "OPEN" });
    await createInbound(d, "Hola. Necesito ayuda con mi pedido");
    await createInbound(d, "Mi pedido 1234 no llegó! Lo pedí el lunes.");
    const built = await call(returnToBot, { token: t.agentToken, params: p(d), body: {} });
    expect(built.json.handoffSummary).toBe("Hola. Mi pedido 1234 no llegó!");
  });

  it("an agent cannot return someone else's conversation", async () => {
    const t = await createTeam();
    const c = await conv(t.org, { status: "HUMAN_HANDLING", assignedToId: t.admin.id });
    expect((await call(returnToBot, { token: t.agentToken, params: p(c), body: {} })).status).toBe(403);
    expect((await call(returnToBot, { token: t.adminToken, params: p(c), body: { handoffSummary: "" } })).json).toMatchObject({ handoffSummary: null });
    expect((await call(returnToBot, { token: t.adminToken, params: p(c), body: { summary: "x" } })).status).toBe(400);
  });
});

describe("POST /conversations/{id}/read", () => {
  it("clears unread once and sends the customer a read receipt for their latest message", async () => {
    const t = await createTeam();
    const c = await conv(t.org, { unreadCount: 3 }, true);
    await createInbound(c, "first");
    const latest = await createInbound(c, "second");
    const res = await call(read, { token: t.agentToken, params: p(c), body: {} });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ unreadCount: 0, version: c.version + 1 });
    expect(graph.sim.state.reads.get(latest.providerMessageId!)).toMatchObject({ typing: false });
    const again = await call(read, { token: t.agentToken, params: p(c), body: {} });
    expect(again.json.version).toBe(c.version + 1);
    await settleEvents();
    expect(updatedEvents()).toHaveLength(1);
  });
});

describe("POST /conversations/{id}/assign and /unassign", () => {
  it("assigns to a person of the org, notifies them, and a person now handles it", async () => {
    const t = await createTeam();
    const c = await conv(t.org, { status: "OPEN" });
    const res = await call(assign, { token: t.agentToken, params: p(c), body: { userId: String(t.admin.id) } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: "HUMAN_HANDLING", assignee: { id: String(t.admin.id), name: "Ada Admin" } });
    const [n] = await getDb().select().from(notifications).where(eq(notifications.userId, t.admin.id));
    expect(n).toMatchObject({ type: "ASSIGNED", conversationId: c.id, actorId: t.agent.id, orgId: t.org.id });
    await settleEvents();
    expect(emitted.find((e) => e.name === "notification.created")?.payload).toMatchObject({ userId: t.admin.id, type: "ASSIGNED" });
    expect((await auditOf(t.org.id, "conversation.assigned"))[0].metadata).toEqual({ from: null, to: t.admin.id });

    // The agent gave it away: taking it back from the admin is not theirs to do.
    const back = await call(assign, { token: t.agentToken, params: p(c), body: { userId: String(t.agent.id) } });
    expect(back.status).toBe(403);
    const byAdmin = await call(assign, { token: t.adminToken, params: p(c), body: { userId: t.agent.id } });
    expect(byAdmin.json.assignee.id).toBe(String(t.agent.id));
    // One ASSIGNED notification for the agent: the admin's assignment.
    expect(await getDb().select().from(notifications).where(eq(notifications.userId, t.agent.id))).toHaveLength(1);
  });

  it("answers 404 for users outside the org, deleted or removed, and 422 for closed or out-of-team", async () => {
    const t = await createTeam();
    const other = await createTeam();
    const c = await conv(t.org, { status: "OPEN" });
    const a = (userId: number, extra: Record<string, unknown> = {}) => call(assign, { token: t.adminToken, params: p(c), body: { userId: String(userId), ...extra } });
    expect((await a(other.agent.id)).status).toBe(404);
    const gone = await createUser({ org: t.org, role: "AGENT" });
    await getDb().update(users).set({ deletedAt: new Date() }).where(eq(users.id, gone.id));
    expect((await a(gone.id)).status).toBe(404);
    const removed = await createUser({ org: t.org, role: "AGENT" });
    await getDb()
      .update(memberships)
      .set({ deletedAt: new Date() })
      .where(and(eq(memberships.orgId, t.org.id), eq(memberships.userId, removed.id)));
    expect((await a(removed.id)).status).toBe(404);
    expect((await a(t.agent.id, { teamId: "999999" })).status).toBe(404);

    const [team] = await getDb().insert(teams).values({ orgId: t.org.id, name: "VIP" }).returning();
    const outside = await a(t.agent.id, { teamId: String(team.id) });
    expect(outside.status).toBe(422);
    expect(outside.json.error.code).toBe("ASSIGNEE_NOT_IN_TEAM");
    await getDb().insert(teamMembers).values({ orgId: t.org.id, teamId: team.id, userId: t.agent.id });
    expect((await a(t.agent.id, { teamId: String(team.id) })).json).toMatchObject({ team: { id: String(team.id) }, assignee: { id: String(t.agent.id) } });

    const closed = await conv(t.org, { status: "CLOSED" });
    const res = await call(assign, { token: t.adminToken, params: p(closed), body: { userId: String(t.agent.id) } });
    expect(res.json.error.code).toBe("ALREADY_CLOSED");
    expect((await call(assign, { token: t.adminToken, params: p(c), body: {} })).status).toBe(400);
  });

  it("releases: back to OPEN; someone else's needs an admin", async () => {
    const t = await createTeam();
    const mine = await conv(t.org, { status: "HUMAN_HANDLING", assignedToId: t.agent.id, assignedAt: new Date() });
    const res = await call(unassign, { token: t.agentToken, params: p(mine), body: {} });
    expect(res.json).toMatchObject({ status: "OPEN", assignee: null, assignedAt: null, version: mine.version + 1 });
    expect((await auditOf(t.org.id, "conversation.unassigned"))[0].metadata).toEqual({ from: t.agent.id });
    const theirs = await conv(t.org, { status: "WAITING_FOR_CUSTOMER", assignedToId: t.admin.id });
    expect((await call(unassign, { token: t.agentToken, params: p(theirs), body: {} })).status).toBe(403);
    expect((await call(unassign, { token: t.adminToken, params: p(theirs), body: {} })).json).toMatchObject({ status: "WAITING_FOR_CUSTOMER", assignee: null });
  });
});

describe("POST /conversations/{id}/resolve", () => {
  it("closes once, clearing snooze; a second resolve is ALREADY_CLOSED", async () => {
    const t = await createTeam();
    const c = await conv(t.org, { status: "OPEN", snoozedUntil: new Date(Date.now() + 60_000), unreadCount: 2 });
    const res = await call(resolve, { token: t.agentToken, params: p(c), body: {} });
    expect(res.json).toMatchObject({ status: "CLOSED", snoozedUntil: null, unreadCount: 0, version: c.version + 1 });
    expect(res.json.closedAt).not.toBeNull();
    const again = await call(resolve, { token: t.agentToken, params: p(c), body: {} });
    expect(again.status).toBe(422);
    expect(again.json.error.code).toBe("ALREADY_CLOSED");
  });
});

describe("POST and DELETE /conversations/{id}/follow-up", () => {
  it("sets a follow-up (tomorrow by default) and removes it", async () => {
    const t = await createTeam();
    const c = await conv(t.org);
    const res = await call(followUp, { token: t.agentToken, params: p(c), body: { note: "Llamar" } });
    expect(res.status).toBe(200);
    expect(res.json.followUp).toMatchObject({ note: "Llamar", by: { id: String(t.agent.id), name: "Alan Agent" } });
    expect(Math.abs(Date.parse(res.json.followUp.at) - Date.now() - 86_400_000)).toBeLessThan(60_000);
    const at = new Date(Date.now() + 3_600_000).toISOString();
    expect((await call(followUp, { token: t.agentToken, params: p(c), body: { at } })).json.followUp).toMatchObject({ at, note: null });
    expect((await call(followUp, { token: t.agentToken, params: p(c), body: { at: "2001-01-01T00:00:00Z" } })).status).toBe(400);
    expect((await call(followUp, { token: t.agentToken, params: p(c), body: { at: "tomorrow" } })).status).toBe(400);
    const cleared = await call(clearFollowUp, { token: t.agentToken, params: p(c) });
    expect(cleared.json.followUp).toBeNull();
    expect((await call(clearFollowUp, { token: t.agentToken, params: p(c) })).json.version).toBe(cleared.json.version);
  });
});

describe("visibility of actions", () => {
  it("a conversation of a team the agent is not in answers 404 to every action", async () => {
    const t = await createTeam();
    const [team] = await getDb().insert(teams).values({ orgId: t.org.id, name: "Private" }).returning();
    const c = await conv(t.org, { teamId: team.id, status: "OPEN" });
    for (const [h, body] of [
      [takeover, {}],
      [resolve, {}],
      [read, {}],
      [assign, { userId: String(t.agent.id) }],
    ] as const) {
      expect((await call(h, { token: t.agentToken, params: p(c), body })).status).toBe(404);
    }
    const other = await createUser({ org: t.org, role: "AGENT" });
    await getDb().insert(teamMembers).values({ orgId: t.org.id, teamId: team.id, userId: other.id });
    expect((await call(takeover, { token: await tokenFor(other, t.org), params: p(c), body: {} })).status).toBe(200);
  });
});
