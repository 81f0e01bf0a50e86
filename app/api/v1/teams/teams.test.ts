import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { settleEvents } from "@/lib/events/emit";
import { LISTENERS } from "@/lib/events/listeners";
import { createConversation } from "@/lib/services/messages/testing";
import { conversations, getDb, memberships, users } from "@/lib/testing/db";
import { createTeam, createUser } from "@/lib/testing/factories";
import { call } from "@/lib/testing/http";
import { auditOf } from "@/lib/testing/inspect";
import { DELETE as removeMemberRoute, PATCH as patchMemberRoute } from "./[id]/members/[userId]/route";
import { POST as addMemberRoute } from "./[id]/members/route";
import { DELETE as deleteRoute, GET as getRoute, PATCH as patchRoute } from "./[id]/route";
import { GET as listRoute, POST as createRoute } from "./route";

function recordTeamChanges() {
  const seen: number[] = [];
  (LISTENERS["team.changed"] ??= []).push((e) => void seen.push(e.teamId));
  return seen;
}

describe("teams", () => {
  it("creates, lists with member counts, gets, updates (audited, team.changed)", async () => {
    const { org, adminToken, agentToken } = await createTeam();
    await settleEvents();
    const changes = recordTeamChanges();
    const created = await call(createRoute, { token: adminToken, body: { name: "Ventas", description: " Pre-sales ", color: "Blue" } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ name: "Ventas", description: "Pre-sales", color: "blue", isActive: true, memberCount: 0, members: [] });
    const support = await call(createRoute, { token: adminToken, body: { name: "atención", color: "#A1B2C3" } });
    expect(support.json.color).toBe("#a1b2c3");
    expect((await call(createRoute, { token: adminToken, body: { name: "x", color: "blurple" } })).status).toBe(400);

    const list = await call(listRoute, { token: agentToken });
    expect(list.status).toBe(200);
    expect(list.json.data.map((t: { name: string }) => t.name)).toEqual(["atención", "Ventas"]);
    expect(list.json.data[0]).not.toHaveProperty("members");

    const got = await call(getRoute, { token: agentToken, params: { id: created.json.id } });
    expect(got.json).toMatchObject({ id: created.json.id, members: [] });

    const patched = await call(patchRoute, { token: adminToken, params: { id: created.json.id }, body: { name: "Sales", description: null } });
    expect(patched.json).toMatchObject({ name: "Sales", description: null, color: "blue" });
    await settleEvents();
    expect(changes).toEqual([Number(created.json.id), Number(support.json.id), Number(created.json.id)]);
    expect(await auditOf(org.id, "team.created")).toHaveLength(2);
    expect(await auditOf(org.id, "team.updated")).toHaveLength(1);
  });

  it("keeps names unique among active teams; a deactivated team frees its name", async () => {
    const { adminToken, agentToken } = await createTeam();
    const other = await createTeam();
    const first = await call(createRoute, { token: adminToken, body: { name: "Soporte" } });
    const dup = await call(createRoute, { token: adminToken, body: { name: "SOPORTE" } });
    expect(dup.status).toBe(409);
    expect(dup.json.error.code).toBe("CONFLICT");
    expect((await call(createRoute, { token: other.adminToken, body: { name: "Soporte" } })).status).toBe(201);

    expect((await call(deleteRoute, { token: adminToken, params: { id: first.json.id } })).status).toBe(204);
    const gone = await call(getRoute, { token: adminToken, params: { id: first.json.id } });
    expect(gone.json.isActive).toBe(false);
    expect((await call(listRoute, { token: agentToken })).json.data).toEqual([]);
    const all = await call(listRoute, { token: agentToken, query: { includeInactive: "true" } });
    expect(all.json.data.map((t: { id: string }) => t.id)).toEqual([first.json.id]);
    // Deleting again is harmless.
    expect((await call(deleteRoute, { token: adminToken, params: { id: first.json.id } })).status).toBe(204);

    const second = await call(createRoute, { token: adminToken, body: { name: "soporte" } });
    expect(second.status).toBe(201);
    const revive = await call(patchRoute, { token: adminToken, params: { id: first.json.id }, body: { isActive: true } });
    expect(revive.status).toBe(409);
    await call(patchRoute, { token: adminToken, params: { id: second.json.id }, body: { isActive: false } });
    const revived = await call(patchRoute, { token: adminToken, params: { id: first.json.id }, body: { isActive: true } });
    expect(revived.json.isActive).toBe(true);
  });

  it("hands the open conversations of a deactivated team back to everyone; closed ones keep the team", async () => {
    const { org, adminToken } = await createTeam();
    const team = await call(createRoute, { token: adminToken, body: { name: "Cobranza" } });
    const teamId = Number(team.json.id);
    const open = (await createConversation(org)).conversation;
    const closed = (await createConversation(org)).conversation;
    await getDb().update(conversations).set({ teamId }).where(eq(conversations.id, open.id));
    await getDb().update(conversations).set({ teamId, status: "CLOSED" }).where(eq(conversations.id, closed.id));
    const row = async (id: number) => (await getDb().select().from(conversations).where(eq(conversations.id, id)))[0];
    const [openBefore, closedBefore] = [await row(open.id), await row(closed.id)];

    await settleEvents();
    const updates: unknown[] = [];
    (LISTENERS["conversation.updated"] ??= []).push((e) => void updates.push(e));
    expect((await call(deleteRoute, { token: adminToken, params: { id: team.json.id } })).status).toBe(204);
    await settleEvents();
    expect(await row(open.id)).toMatchObject({ teamId: null, version: openBefore.version + 1 });
    expect(await row(closed.id)).toMatchObject({ teamId, version: closedBefore.version });
    expect(updates).toEqual([{ orgId: org.id, conversationId: open.id, version: openBefore.version + 1 }]);
    expect((await auditOf(org.id, "team.deactivated"))[0].metadata).toMatchObject({ releasedConversations: 1 });
  });

  it("is managed by admins only", async () => {
    const { adminToken, agent, agentToken } = await createTeam();
    const team = await call(createRoute, { token: adminToken, body: { name: "Ops" } });
    const params = { id: team.json.id };
    expect((await call(createRoute, { token: agentToken, body: { name: "Mine" } })).status).toBe(403);
    expect((await call(patchRoute, { token: agentToken, params, body: { name: "Mine" } })).status).toBe(403);
    expect((await call(deleteRoute, { token: agentToken, params })).status).toBe(403);
    expect((await call(addMemberRoute, { token: agentToken, params, body: { userId: agent.id } })).status).toBe(403);
    expect((await call(patchMemberRoute, { token: agentToken, params: { ...params, userId: String(agent.id) }, body: { role: "LEAD" } })).status).toBe(403);
    expect((await call(removeMemberRoute, { token: agentToken, params: { ...params, userId: String(agent.id) } })).status).toBe(403);
    expect((await call(getRoute, { token: agentToken, params })).status).toBe(200);
  });
});

describe("team members", () => {
  it("adds, changes the role of and removes members", async () => {
    const { org, admin, agent, adminToken } = await createTeam();
    const team = await call(createRoute, { token: adminToken, body: { name: "Ventas" } });
    const params = { id: team.json.id };

    const added = await call(addMemberRoute, { token: adminToken, params, body: { userId: String(agent.id) } });
    expect(added.status).toBe(201);
    expect(added.json.memberCount).toBe(1);
    expect(added.json.members[0]).toMatchObject({ userId: String(agent.id), name: "Alan Agent", role: "MEMBER", status: "OFFLINE", avatarUrl: null });
    const lead = await call(addMemberRoute, { token: adminToken, params, body: { userId: admin.id, role: "LEAD" } });
    // Leads first.
    expect(lead.json.members.map((m: { userId: string; role: string }) => [m.userId, m.role])).toEqual([
      [String(admin.id), "LEAD"],
      [String(agent.id), "MEMBER"],
    ]);
    const again = await call(addMemberRoute, { token: adminToken, params, body: { userId: agent.id } });
    expect(again.status).toBe(409);

    const promoted = await call(patchMemberRoute, { token: adminToken, params: { ...params, userId: String(agent.id) }, body: { role: "LEAD" } });
    expect(promoted.status).toBe(200);
    expect(promoted.json.members.every((m: { role: string }) => m.role === "LEAD")).toBe(true);
    expect((await call(patchMemberRoute, { token: adminToken, params: { ...params, userId: String(agent.id) }, body: { role: "BOSS" } })).status).toBe(400);

    expect((await call(removeMemberRoute, { token: adminToken, params: { ...params, userId: String(agent.id) } })).status).toBe(204);
    expect((await call(removeMemberRoute, { token: adminToken, params: { ...params, userId: String(agent.id) } })).status).toBe(404);
    expect((await call(patchMemberRoute, { token: adminToken, params: { ...params, userId: String(agent.id) }, body: { role: "MEMBER" } })).status).toBe(404);
    const list = await call(listRoute, { token: adminToken });
    expect(list.json.data[0].memberCount).toBe(1);
    expect(await auditOf(org.id, "team.member_added")).toHaveLength(2);
    expect(await auditOf(org.id, "team.member_updated")).toHaveLength(1);
    expect(await auditOf(org.id, "team.member_removed")).toHaveLength(1);
  });

  it("only takes users of the organization (404 for others, removed or deleted ones)", async () => {
    const { org, adminToken } = await createTeam();
    const other = await createTeam();
    const team = await call(createRoute, { token: adminToken, body: { name: "Ventas" } });
    const params = { id: team.json.id };
    const add = (userId: number | string) => call(addMemberRoute, { token: adminToken, params, body: { userId } });

    expect((await add(other.agent.id)).status).toBe(404);
    expect((await add("999999")).status).toBe(404);
    const deleted = await createUser({ org, role: "AGENT" });
    await getDb().update(users).set({ deletedAt: new Date() }).where(eq(users.id, deleted.id));
    expect((await add(deleted.id)).status).toBe(404);
    const removed = await createUser({ org, role: "AGENT" });
    await getDb()
      .update(memberships)
      .set({ deletedAt: new Date() })
      .where(and(eq(memberships.orgId, org.id), eq(memberships.userId, removed.id)));
    expect((await add(removed.id)).status).toBe(404);

    // A member who later leaves the organization no longer counts nor shows.
    const leaving = await createUser({ org, role: "AGENT" });
    expect((await add(leaving.id)).json.memberCount).toBe(1);
    await getDb()
      .update(memberships)
      .set({ deletedAt: new Date() })
      .where(and(eq(memberships.orgId, org.id), eq(memberships.userId, leaving.id)));
    expect((await call(getRoute, { token: adminToken, params })).json).toMatchObject({ memberCount: 0, members: [] });
    expect((await call(listRoute, { token: adminToken })).json.data[0].memberCount).toBe(0);
  });
});
