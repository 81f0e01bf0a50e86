import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { recordInboundMany } from "@/db/queries/inbound-batch";
import { conversations, teamMembers, teams } from "@/db/schema";
import { createConversation } from "@/lib/services/messages/testing";
import { createTeam, ctxFor } from "@/lib/testing/factories";
import { assertMayReassign, isVisible, loadVisibleConversation, visibilityOf } from "./access";

describe("visibility", () => {
  it("admins see every team; agents unteamed conversations and their active teams'", async () => {
    const t = await createTeam();
    const [a, b] = await getDb()
      .insert(teams)
      .values([
        { orgId: t.org.id, name: "A" },
        { orgId: t.org.id, name: "B", isActive: false },
      ])
      .returning();
    await getDb().insert(teamMembers).values([
      { orgId: t.org.id, teamId: a.id, userId: t.agent.id },
      { orgId: t.org.id, teamId: b.id, userId: t.agent.id },
    ]);
    const admin = await visibilityOf(await ctxFor(t.admin, t.org));
    const agent = await visibilityOf(await ctxFor(t.agent, t.org));
    expect(admin).toEqual({ orgId: t.org.id, teamIds: null });
    expect(agent).toEqual({ orgId: t.org.id, teamIds: [a.id] });
    const row = (teamId: number | null, orgId = t.org.id) => ({ orgId, teamId });
    expect([isVisible(agent, row(null)), isVisible(agent, row(a.id)), isVisible(agent, row(b.id)), isVisible(agent, row(null, t.org.id + 1))]).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect(isVisible(admin, row(b.id))).toBe(true);

    const { conversation } = await createConversation(t.org, { account: null });
    await getDb().update(conversations).set({ teamId: b.id }).where(eq(conversations.id, conversation.id));
    await expect(loadVisibleConversation(await ctxFor(t.agent, t.org), conversation.id)).rejects.toMatchObject({ status: 404 });
    expect((await loadVisibleConversation(await ctxFor(t.admin, t.org), conversation.id)).id).toBe(conversation.id);
  });

  it("reassigning: free or own for anyone, someone else's only with conversations.manage", async () => {
    const t = await createTeam();
    const agent = await ctxFor(t.agent, t.org);
    const admin = await ctxFor(t.admin, t.org);
    expect(() => assertMayReassign(agent, { assignedToId: null })).not.toThrow();
    expect(() => assertMayReassign(agent, { assignedToId: t.agent.id })).not.toThrow();
    expect(() => assertMayReassign(agent, { assignedToId: t.admin.id })).toThrow(expect.objectContaining({ status: 403 }));
    expect(() => assertMayReassign(admin, { assignedToId: t.agent.id })).not.toThrow();
  });
});

describe("snooze", () => {
  it("a customer message wakes a snoozed conversation up", async () => {
    const t = await createTeam();
    const { conversation } = await createConversation(t.org, { account: null });
    await getDb()
      .update(conversations)
      .set({ snoozedUntil: new Date(Date.now() + 3_600_000) })
      .where(eq(conversations.id, conversation.id));
    const [row] = await getDb().transaction((tx) => recordInboundMany(tx, [{ conversationId: conversation.id, at: new Date(), preview: "Hola", count: 1 }]));
    expect(row.snoozedUntil).toBeNull();
    expect(row.unreadCount).toBe(1);
  });
});
