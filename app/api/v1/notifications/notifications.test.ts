import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { notify } from "@/lib/services/notifications/notify";
import { createConversation } from "@/lib/services/messages/testing";
import { getDb, messages, notifications } from "@/lib/testing/db";
import { addMembership, createApiKey, createTeam } from "@/lib/testing/factories";
import { call } from "@/lib/testing/http";
import { POST as markRead } from "./read/route";
import { GET as list } from "./route";

async function arrange() {
  const t = await createTeam();
  const { conversation } = await createConversation(t.org);
  const [note] = await getDb()
    .insert(messages)
    .values({ orgId: t.org.id, conversationId: conversation.id, direction: "OUTBOUND", type: "TEXT", body: "@Alan mira esto", status: "SENT", senderType: "AGENT", senderUserId: t.admin.id, isPrivate: true, mentions: [t.agent.id] })
    .returning();
  const [assigned] = await notify(t.org.id, [{ userId: t.agent.id, type: "ASSIGNED", conversationId: conversation.id, actorId: t.admin.id }]);
  const [mention] = await notify(t.org.id, [{ userId: t.agent.id, type: "MENTION", conversationId: conversation.id, messageId: note.id, actorId: t.admin.id }]);
  await notify(t.org.id, [{ userId: t.admin.id, type: "MENTION", conversationId: conversation.id, messageId: note.id, actorId: t.agent.id }]);
  return { ...t, conversation, note, assigned, mention };
}

describe("GET /notifications", () => {
  it("lists only the caller's notifications, newest first, with actor, conversation and preview", async () => {
    const t = await arrange();
    const res = await call(list, { token: t.agentToken });
    expect(res.status).toBe(200);
    expect(res.json.unreadCount).toBe(2);
    expect(res.json.nextCursor).toBeNull();
    expect(res.json.data).toEqual([
      {
        id: String(t.mention.id),
        type: "MENTION",
        conversationId: String(t.conversation.id),
        conversationDisplayId: t.conversation.displayId,
        messageId: String(t.note.id),
        actor: { id: String(t.admin.id), name: "Ada Admin", avatarUrl: null },
        preview: "@Alan mira esto",
        readAt: null,
        createdAt: expect.any(String),
      },
      expect.objectContaining({ id: String(t.assigned.id), type: "ASSIGNED", messageId: null, preview: null }),
    ]);

    const page = await call(list, { token: t.agentToken, query: { limit: "1" } });
    expect(page.json.data.map((n: { id: string }) => n.id)).toEqual([String(t.mention.id)]);
    const next = await call(list, { token: t.agentToken, query: { limit: "1", cursor: page.json.nextCursor } });
    expect(next.json.data.map((n: { id: string }) => n.id)).toEqual([String(t.assigned.id)]);
    expect(next.json.nextCursor).toBeNull();

    expect((await call(list, { token: t.agentToken, query: { unread: "maybe" } })).status).toBe(400);
    expect((await call(list, { token: t.agentToken, query: { cursor: "x" } })).status).toBe(400);
  });

  it("is per organization and refuses API keys", async () => {
    const t = await arrange();
    const second = await createTeam();
    await addMembership(second.org, t.agent);
    await notify(second.org.id, [{ userId: t.agent.id, type: "ASSIGNED", actorId: second.admin.id }]);
    expect((await call(list, { token: t.agentToken })).json.data).toHaveLength(2);
    expect((await call(list, { token: (await createApiKey(t.org)).secret })).status).toBe(403);
  });
});

describe("POST /notifications/read", () => {
  it("marks the given ones (ignoring other people's) or all of the caller's read", async () => {
    const t = await arrange();
    const adminsOwn = (await getDb().select().from(notifications).where(eq(notifications.userId, t.admin.id)))[0];

    const some = await call(markRead, { token: t.agentToken, body: { ids: [String(t.assigned.id), String(adminsOwn.id)] } });
    expect(some.status).toBe(204);
    const after = await call(list, { token: t.agentToken });
    expect(after.json.unreadCount).toBe(1);
    expect(after.json.data.find((n: { id: string }) => n.id === String(t.assigned.id)).readAt).toEqual(expect.any(String));
    expect((await call(list, { token: t.agentToken, query: { unread: "true" } })).json.data.map((n: { id: string }) => n.id)).toEqual([String(t.mention.id)]);
    expect((await getDb().select().from(notifications).where(eq(notifications.id, adminsOwn.id)))[0].readAt).toBeNull();

    expect((await call(markRead, { token: t.agentToken, body: {} })).status).toBe(204);
    expect((await call(list, { token: t.agentToken })).json.unreadCount).toBe(0);
    expect((await call(list, { token: t.adminToken })).json.unreadCount).toBe(1);
    expect((await call(markRead, { token: t.agentToken, body: { ids: [] } })).status).toBe(400);
  });
});
