import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, invitations, memberships, organizations, teamMembers, teams, users } from "@/lib/testing/db";
import { createOrg, createTeam, createUser, TEST_PASSWORD, tokenFor } from "@/lib/testing/factories";
import { call } from "@/lib/testing/http";
import { POST as loginRoute } from "../auth/login/route";
import { GET as meRoute } from "../auth/me/route";
import { POST as refreshRoute } from "../auth/refresh/route";
import { GET as invitationByTokenRoute } from "../invitations/token/[token]/route";
import { PATCH as patchUser, DELETE as deleteUser } from "./[id]/route";
import { POST as resendInvite } from "./[id]/resend-invite/route";
import { PATCH as setStatus } from "./[id]/status/route";
import { POST as bulk } from "./bulk/route";
import { GET as listUsers, POST as createUser_ } from "./route";
import { auditOf, membershipOf, takeMails } from "@/lib/testing/inspect";

const id = (n: number) => ({ id: String(n) });




const userRow = async (userId: number) => (await getDb().select().from(users).where(eq(users.id, userId)))[0];

describe("GET /users", () => {
  it("lists active members with filters and paging; agents may read", async () => {
    const { org, admin, agent, agentToken } = await createTeam();
    await createUser({ org, role: "AGENT", name: "Zoe Zeta", email: "zoe@zeta.test" });
    const gone = await createUser({ org, role: "AGENT", name: "Gone" });
    await getDb().update(memberships).set({ deletedAt: new Date() }).where(eq(memberships.userId, gone.id));
    await createUser({ org: await createOrg(), name: "Stranger" });

    const all = await call(listUsers, { token: agentToken });
    expect(all.status).toBe(200);
    expect(all.json).toMatchObject({ page: 1, limit: 20, total: 3 });
    expect(all.json.data.map((u: { name: string }) => u.name)).toEqual(["Ada Admin", "Alan Agent", "Zoe Zeta"]);

    const admins = await call(listUsers, { token: agentToken, query: { role: "ADMIN" } });
    expect(admins.json.data.map((u: { id: string }) => u.id)).toEqual([String(admin.id)]);
    const search = await call(listUsers, { token: agentToken, query: { search: "ZETA" } });
    expect(search.json.data.map((u: { email: string }) => u.email)).toEqual(["zoe@zeta.test"]);
    await getDb().update(users).set({ presenceStatus: "ONLINE" }).where(eq(users.id, agent.id));
    const online = await call(listUsers, { token: agentToken, query: { status: "ONLINE" } });
    expect(online.json.data.map((u: { id: string }) => u.id)).toEqual([String(agent.id)]);
    const page2 = await call(listUsers, { token: agentToken, query: { page: "2", limit: "2" } });
    expect(page2.json).toMatchObject({ page: 2, limit: 2, total: 3, data: [{ name: "Zoe Zeta" }] });

    const bad = await call(listUsers, { token: agentToken, query: { role: "OWNER", extra: "1" } });
    expect(bad.status).toBe(400);
  });
});

describe("POST /users", () => {
  it("creates a passwordless user with membership and invitation, mails it in the org's locale, and audits", async () => {
    const { org, admin, adminToken } = await createTeam();
    await getDb().update(organizations).set({ locale: "en" }).where(eq(organizations.id, org.id));
    const res = await call(createUser_, { token: adminToken, body: { email: "New.Person@Example.test", name: "New Person" } });
    expect(res.status).toBe(201);
    expect(res.json.user).toMatchObject({ email: "new.person@example.test", name: "New Person", role: "AGENT", invitationPending: true });
    expect(res.json.invitation).toMatchObject({
      email: "new.person@example.test",
      role: "AGENT",
      status: "PENDING",
      sentCount: 1,
      invitedBy: { id: String(admin.id), name: "Ada Admin" },
    });
    const token = res.json.invitation.inviteUrl.split("/invite/")[1];
    expect(res.json.invitation.inviteUrl).toBe(`http://localhost:3000/invite/${token}`);
    const expires = Date.parse(res.json.invitation.expiresAt) - Date.now();
    expect(expires).toBeGreaterThan(6.9 * 86_400_000);
    expect(expires).toBeLessThan(7.1 * 86_400_000);

    const userId = Number(res.json.user.id);
    expect((await userRow(userId)).passwordHash).toBeNull();
    expect(await membershipOf(org.id, userId)).toMatchObject({ role: "AGENT", deletedAt: null });
    const [inv] = await getDb().select().from(invitations).where(eq(invitations.userId, userId));
    expect(inv.tokenHash).not.toBe(token);
    expect(inv.tokenHash).toHaveLength(64);

    const mails = await takeMails("new.person@example.test");
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toContain("You are invited");
    expect(mails[0].text).toContain(token);
    expect(await auditOf(org.id, "user.invited")).toHaveLength(1);

    const list = await call(listUsers, { token: adminToken, query: { search: "new.person" } });
    expect(list.json.data).toEqual([expect.objectContaining({ id: String(userId), invitationPending: true })]);

    const again = await call(createUser_, { token: adminToken, body: { email: "new.person@example.test", name: "Again" } });
    expect(again.status).toBe(409);
    expect(again.json.error.details).toContainEqual(expect.objectContaining({ path: "email" }));
  });

  it("invites an existing account of another org without adding a membership until they accept", async () => {
    const { org, adminToken } = await createTeam();
    const other = await createTeam();
    const res = await call(createUser_, { token: adminToken, body: { email: other.agent.email, name: "Ignored", role: "ADMIN" } });
    expect(res.status).toBe(201);
    expect(res.json.user).toMatchObject({ id: String(other.agent.id), name: "Alan Agent", role: "ADMIN", invitationPending: false });
    expect(await membershipOf(org.id, other.agent.id)).toBeUndefined();
    const list = await call(listUsers, { token: adminToken });
    expect(list.json.total).toBe(2);
    const view = await call(invitationByTokenRoute, { params: { token: res.json.invitation.inviteUrl.split("/invite/")[1] } });
    expect(view.json).toMatchObject({ accountExists: true, role: "ADMIN" });
  });

  it("refuses agents and existing members", async () => {
    const { admin, adminToken, agentToken } = await createTeam();
    expect((await call(createUser_, { token: agentToken, body: { email: "x@y.test", name: "X" } })).status).toBe(403);
    const dup = await call(createUser_, { token: adminToken, body: { email: admin.email.toUpperCase(), name: "Dup" } });
    expect(dup.status).toBe(409);
    expect(dup.json.error).toMatchObject({ code: "CONFLICT", details: [{ path: "email", message: expect.any(String) }] });
  });
});

describe("PATCH /users/{id}", () => {
  it("renames and changes roles (audited), and keeps the last admin", async () => {
    const { org, admin, agent, adminToken } = await createTeam();
    const renamed = await call(patchUser, { token: adminToken, params: id(agent.id), body: { name: "Alan Turing" } });
    expect(renamed.status).toBe(200);
    expect(renamed.json).toMatchObject({ name: "Alan Turing", role: "AGENT" });

    const promoted = await call(patchUser, { token: adminToken, params: id(agent.id), body: { role: "ADMIN" } });
    expect(promoted.json.role).toBe("ADMIN");
    expect((await auditOf(org.id, "user.role_changed"))[0].metadata).toEqual({ from: "AGENT", to: "ADMIN" });

    const demoteSelf = await call(patchUser, { token: adminToken, params: id(admin.id), body: { role: "AGENT" } });
    expect(demoteSelf.status).toBe(200);
    const last = await call(patchUser, { token: await tokenFor(agent, org), params: id(agent.id), body: { role: "AGENT" } });
    expect(last.status).toBe(422);
    expect(last.json.error.code).toBe("LAST_ADMIN");
    expect((await membershipOf(org.id, agent.id)).role).toBe("ADMIN");

    expect((await call(patchUser, { token: await tokenFor(agent, org), params: id(agent.id), body: {} })).status).toBe(400);
    // The first admin is an agent now: the same token lost the right to manage users.
    expect((await call(patchUser, { token: adminToken, params: id(agent.id), body: { name: "No" } })).status).toBe(403);
  });

  it("keeps one admin when two admins demote each other at the same time", async () => {
    const { org, admin, adminToken } = await createTeam();
    const admin2 = await createUser({ org, role: "ADMIN" });
    const [a, b] = await Promise.all([
      call(patchUser, { token: adminToken, params: id(admin2.id), body: { role: "AGENT" } }),
      call(patchUser, { token: await tokenFor(admin2, org), params: id(admin.id), body: { role: "AGENT" } }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 422]);
    const roles = [(await membershipOf(org.id, admin.id)).role, (await membershipOf(org.id, admin2.id)).role];
    expect(roles.sort()).toEqual(["ADMIN", "AGENT"]);
  });

  it("answers 404 for another org's user", async () => {
    const { adminToken } = await createTeam();
    const other = await createTeam();
    const res = await call(patchUser, { token: adminToken, params: id(other.agent.id), body: { name: "Hijack" } });
    expect(res.status).toBe(404);
    expect((await userRow(other.agent.id)).name).toBe("Alan Agent");
  });
});

describe("DELETE /users/{id}", () => {
  it("soft-deletes the user, kills their tokens and sessions, and audits", async () => {
    const { org, agent, adminToken, agentToken } = await createTeam();
    const login = await call(loginRoute, { body: { email: agent.email, password: TEST_PASSWORD } });
    expect(login.status).toBe(200);
    expect((await call(meRoute, { token: agentToken })).status).toBe(200);

    const res = await call(deleteUser, { token: adminToken, params: id(agent.id) });
    expect(res.status).toBe(204);
    expect((await membershipOf(org.id, agent.id)).deletedAt).not.toBeNull();
    const row = await userRow(agent.id);
    expect(row.deletedAt).not.toBeNull();
    expect(row.tokenVersion).toBe(1);
    expect((await call(meRoute, { token: agentToken })).status).toBe(401);
    expect((await call(meRoute, { token: login.json.accessToken })).status).toBe(401);
    expect((await call(refreshRoute, { body: { refreshToken: login.json.refreshToken } })).status).toBe(401);
    expect((await auditOf(org.id, "user.deleted"))[0]).toMatchObject({ targetId: String(agent.id), metadata: expect.objectContaining({ accountDeleted: true }) });

    const list = await call(listUsers, { token: adminToken });
    expect(list.json.data.map((u: { id: string }) => u.id)).not.toContain(String(agent.id));
    expect((await call(deleteUser, { token: adminToken, params: id(agent.id) })).status).toBe(404);
  });

  it("keeps the account of someone who belongs to another org, but still signs them out", async () => {
    const { org, adminToken } = await createTeam();
    const other = await createTeam();
    await getDb().insert(memberships).values({ orgId: org.id, userId: other.agent.id, role: "AGENT" });
    const [here, there] = await getDb()
      .insert(teams)
      .values([
        { orgId: org.id, name: "Ventas" },
        { orgId: other.org.id, name: "Ventas" },
      ])
      .returning();
    await getDb()
      .insert(teamMembers)
      .values([
        { teamId: here.id, userId: other.agent.id, orgId: org.id },
        { teamId: there.id, userId: other.agent.id, orgId: other.org.id },
      ]);
    const res = await call(deleteUser, { token: adminToken, params: id(other.agent.id) });
    expect(res.status).toBe(204);
    // Out of this org's teams, still in the other org's.
    const teamsLeft = await getDb().select().from(teamMembers).where(eq(teamMembers.userId, other.agent.id));
    expect(teamsLeft.map((t) => t.teamId)).toEqual([there.id]);
    const row = await userRow(other.agent.id);
    expect(row.deletedAt).toBeNull();
    expect(row.tokenVersion).toBe(1);
    expect((await membershipOf(other.org.id, other.agent.id)).deletedAt).toBeNull();
    expect((await call(meRoute, { token: other.agentToken })).status).toBe(401);
    expect((await call(meRoute, { token: await tokenFor(row, other.org) })).status).toBe(200);
  });

  it("refuses to delete the last admin, agents, and other orgs' users", async () => {
    const { admin, agent, adminToken, agentToken } = await createTeam();
    const other = await createTeam();
    const last = await call(deleteUser, { token: adminToken, params: id(admin.id) });
    expect(last.status).toBe(422);
    expect(last.json.error.code).toBe("LAST_ADMIN");
    expect((await userRow(admin.id)).deletedAt).toBeNull();
    expect((await call(deleteUser, { token: agentToken, params: id(agent.id) })).status).toBe(403);
    expect((await call(deleteUser, { token: adminToken, params: id(other.agent.id) })).status).toBe(404);
    expect((await userRow(other.agent.id)).deletedAt).toBeNull();
  });
});

describe("PATCH /users/{id}/status", () => {
  it("sets one's own presence; someone else's needs users.manage", async () => {
    const { admin, agent, adminToken, agentToken } = await createTeam();
    const own = await call(setStatus, { token: agentToken, params: id(agent.id), body: { status: "BUSY" } });
    expect(own.status).toBe(200);
    expect(own.json).toMatchObject({ id: String(agent.id), status: "BUSY" });
    const others = await call(setStatus, { token: agentToken, params: id(admin.id), body: { status: "OFFLINE" } });
    expect(others.status).toBe(403);
    const byAdmin = await call(setStatus, { token: adminToken, params: id(agent.id), body: { status: "AWAY" } });
    expect(byAdmin.json.status).toBe("AWAY");
    expect((await call(setStatus, { token: agentToken, params: id(agent.id), body: { status: "SLEEPING" } })).status).toBe(400);
  });
});

describe("POST /users/{id}/resend-invite", () => {
  it("rotates the link of a pending user and mails it again; refuses users who already joined", async () => {
    const { agent, adminToken, agentToken } = await createTeam();
    const created = await call(createUser_, { token: adminToken, body: { email: "pending@example.test", name: "Pending" } });
    const oldToken = created.json.invitation.inviteUrl.split("/invite/")[1];
    await takeMails("pending@example.test");

    const res = await call(resendInvite, { token: adminToken, params: { id: created.json.user.id } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id: created.json.invitation.id, sentCount: 2, status: "PENDING" });
    const newToken = res.json.inviteUrl.split("/invite/")[1];
    expect(newToken).not.toBe(oldToken);
    expect((await call(invitationByTokenRoute, { params: { token: oldToken } })).status).toBe(404);
    expect((await call(invitationByTokenRoute, { params: { token: newToken } })).status).toBe(200);
    const mails = await takeMails("pending@example.test");
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toContain(newToken);

    expect((await call(resendInvite, { token: agentToken, params: { id: created.json.user.id } })).status).toBe(403);
    const joined = await call(resendInvite, { token: adminToken, params: id(agent.id) });
    expect(joined.status).toBe(422);
    expect(joined.json.error.code).toBe("INVITATION_NOT_PENDING");
  });
});

describe("POST /users/bulk", () => {
  it("changes roles of the selected ids; other orgs' ids do not match", async () => {
    const { org, agent, adminToken } = await createTeam();
    const other = await createTeam();
    const extra = await createUser({ org, role: "AGENT" });
    const res = await call(bulk, {
      token: adminToken,
      body: { action: "changeRole", role: "ADMIN", selection: { mode: "ids", ids: [String(agent.id), extra.id, String(other.agent.id)] } },
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ action: "changeRole", matched: 2, succeeded: 2, failed: [] });
    expect((await membershipOf(org.id, extra.id)).role).toBe("ADMIN");
    expect((await membershipOf(other.org.id, other.agent.id)).role).toBe("AGENT");
  });

  it("deletes everyone matching 'all' except the excluded ids", async () => {
    const { org, admin, agent, adminToken } = await createTeam();
    const a2 = await createUser({ org, role: "AGENT" });
    const res = await call(bulk, { token: adminToken, body: { action: "delete", selection: { mode: "all", filters: { role: "AGENT" }, excludeIds: [String(a2.id)] } } });
    expect(res.json).toEqual({ action: "delete", matched: 1, succeeded: 1, failed: [] });
    expect((await userRow(agent.id)).deletedAt).not.toBeNull();
    expect((await userRow(a2.id)).deletedAt).toBeNull();
    expect((await userRow(admin.id)).deletedAt).toBeNull();
  });

  it("is all-or-nothing when a delete or a demotion would remove the last admin", async () => {
    const { org, admin, agent, adminToken } = await createTeam();
    const admin2 = await createUser({ org, role: "ADMIN" });

    const del = await call(bulk, { token: adminToken, body: { action: "delete", selection: { mode: "all" } } });
    expect(del.status).toBe(422);
    expect(del.json.error.code).toBe("LAST_ADMIN");
    for (const u of [admin, admin2, agent]) {
      expect((await userRow(u.id)).deletedAt).toBeNull();
      expect((await membershipOf(org.id, u.id)).deletedAt).toBeNull();
    }
    expect(await auditOf(org.id, "user.deleted")).toHaveLength(0);

    const demote = await call(bulk, {
      token: adminToken,
      body: { action: "changeRole", role: "AGENT", selection: { mode: "ids", ids: [String(admin.id), String(admin2.id)] } },
    });
    expect(demote.status).toBe(422);
    expect(demote.json.error.code).toBe("LAST_ADMIN");
    expect((await membershipOf(org.id, admin.id)).role).toBe("ADMIN");
    expect((await membershipOf(org.id, admin2.id)).role).toBe("ADMIN");
  });

  it("resends invites per user and reports the ones that cannot be resent", async () => {
    const { agent, adminToken } = await createTeam();
    const created = await call(createUser_, { token: adminToken, body: { email: "bulk-pending@example.test", name: "Bulk Pending" } });
    const res = await call(bulk, { token: adminToken, body: { action: "resendInvite", selection: { mode: "ids", ids: [created.json.user.id, String(agent.id)] } } });
    expect(res.json).toEqual({
      action: "resendInvite",
      matched: 2,
      succeeded: 1,
      failed: [{ id: String(agent.id), code: "INVITATION_NOT_PENDING", message: expect.any(String) }],
    });
  });

  it("sets status for a selection and validates the action's requirements", async () => {
    const { org, admin, agent, adminToken, agentToken } = await createTeam();
    const res = await call(bulk, { token: adminToken, body: { action: "setStatus", status: "AWAY", selection: { mode: "all", filters: { search: "alan" } } } });
    expect(res.json).toMatchObject({ matched: 1, succeeded: 1 });
    expect((await userRow(agent.id)).presenceStatus).toBe("AWAY");
    expect((await userRow(admin.id)).presenceStatus).toBe("OFFLINE");

    const noRole = await call(bulk, { token: adminToken, body: { action: "changeRole", selection: { mode: "ids", ids: ["1"] } } });
    expect(noRole.status).toBe(400);
    expect(noRole.json.error.details).toContainEqual({ path: "role", message: expect.any(String) });
    const noStatus = await call(bulk, { token: adminToken, body: { action: "setStatus", selection: { mode: "all" } } });
    expect(noStatus.json.error.details).toContainEqual({ path: "status", message: expect.any(String) });
    expect((await call(bulk, { token: adminToken, body: { action: "delete", selection: { mode: "ids", ids: [] } } })).status).toBe(400);
    expect((await call(bulk, { token: adminToken, body: { action: "delete", selection: { mode: "some" } } })).status).toBe(400);
    expect((await call(bulk, { token: adminToken, body: { action: "delete", selection: { mode: "all", extra: 1 } } })).status).toBe(400);
    expect((await call(bulk, { token: agentToken, body: { action: "delete", selection: { mode: "all" } } })).status).toBe(403);
    expect((await membershipOf(org.id, admin.id)).deletedAt).toBeNull();
  });
});
