import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, invitations, users } from "@/lib/testing/db";
import { createTeam, createUser, TEST_PASSWORD } from "@/lib/testing/factories";
import { call } from "@/lib/testing/http";
import { POST as loginRoute } from "../auth/login/route";
import { GET as meRoute } from "../auth/me/route";
import { POST as createUserRoute, GET as listUsersRoute } from "../users/route";
import { DELETE as revokeRoute } from "./[id]/route";
import { POST as resendRoute } from "./[id]/resend/route";
import { POST as acceptRoute } from "./accept/[token]/route";
import { POST as bulkRoute } from "./bulk/route";
import { GET as listRoute, POST as createRoute } from "./route";
import { GET as viewRoute } from "./token/[token]/route";
import { auditOf, membershipOf, takeMails } from "@/lib/testing/inspect";

let ipSeq = 0;
/** Public endpoints are rate limited per IP; each call gets its own unless a test is about the limit. */
const freshIp = () => `10.30.${Math.floor(ipSeq / 250)}.${(ipSeq++ % 250) + 1}`;
const tokenOf = (inviteUrl: string) => inviteUrl.split("/invite/")[1];
const view = (token: string) => call(viewRoute, { params: { token }, ip: freshIp() });
const accept = (token: string, body: object = {}) => call(acceptRoute, { params: { token }, body, ip: freshIp() });




const expire = (invitationId: string) =>
  getDb().update(invitations).set({ expiresAt: new Date(Date.now() - 60_000) }).where(eq(invitations.id, Number(invitationId)));

describe("POST /invitations", () => {
  it("creates a pending invitation with its link, mails it and audits", async () => {
    const { org, admin, adminToken } = await createTeam();
    const res = await call(createRoute, { token: adminToken, body: { email: "Invitee@Example.test", name: "Invitee", role: "ADMIN" } });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      email: "invitee@example.test",
      name: "Invitee",
      role: "ADMIN",
      status: "PENDING",
      sentCount: 1,
      acceptedAt: null,
      invitedBy: { id: String(admin.id), name: "Ada Admin" },
    });
    const token = tokenOf(res.json.inviteUrl);
    const mails = await takeMails("invitee@example.test");
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toContain("Te invitaron"); // the org's default locale
    expect(mails[0].text).toContain(`/invite/${token}`);
    expect(await auditOf(org.id, "invitation.created")).toHaveLength(1);
  });

  it("refuses members (409 on email), a second pending invitation, and agents", async () => {
    const { agent, adminToken, agentToken } = await createTeam();
    const member = await call(createRoute, { token: adminToken, body: { email: agent.email } });
    expect(member.status).toBe(409);
    expect(member.json.error.details).toEqual([{ path: "email", message: expect.any(String) }]);

    expect((await call(createRoute, { token: adminToken, body: { email: "twice@example.test" } })).status).toBe(201);
    const twice = await call(createRoute, { token: adminToken, body: { email: "TWICE@example.test" } });
    expect(twice.status).toBe(409);
    expect(twice.json.error.details[0].message).toContain("resend");

    expect((await call(createRoute, { token: agentToken, body: { email: "x@example.test" } })).status).toBe(403);
    expect((await call(listRoute, { token: agentToken })).status).toBe(403);
  });

  it("allows a new invitation once the previous one expired", async () => {
    const { adminToken } = await createTeam();
    const first = await call(createRoute, { token: adminToken, body: { email: "late@example.test" } });
    await expire(first.json.id);
    expect((await call(createRoute, { token: adminToken, body: { email: "late@example.test" } })).status).toBe(201);
  });
});

describe("GET /invitations", () => {
  it("lists the org's invitations newest first, by status and search", async () => {
    const { adminToken } = await createTeam();
    const other = await createTeam();
    await call(createRoute, { token: other.adminToken, body: { email: "foreign@example.test" } });
    const ids: string[] = [];
    for (const email of ["one@example.test", "two@example.test", "three@example.test"]) {
      ids.push((await call(createRoute, { token: adminToken, body: { email } })).json.id);
    }
    await expire(ids[0]);
    await call(revokeRoute, { token: adminToken, params: { id: ids[1] } });

    const all = await call(listRoute, { token: adminToken });
    expect(all.json).toMatchObject({ total: 3, page: 1, limit: 20 });
    expect(all.json.data.map((i: { id: string }) => i.id)).toEqual([...ids].reverse());
    expect(all.json.data.map((i: { status: string }) => i.status)).toEqual(["PENDING", "REVOKED", "EXPIRED"]);
    for (const [status, id] of [["EXPIRED", ids[0]], ["REVOKED", ids[1]], ["PENDING", ids[2]]]) {
      const res = await call(listRoute, { token: adminToken, query: { status } });
      expect(res.json.data.map((i: { id: string }) => i.id)).toEqual([id]);
    }
    expect((await call(listRoute, { token: adminToken, query: { status: "ACCEPTED" } })).json.total).toBe(0);
    const search = await call(listRoute, { token: adminToken, query: { search: "TWO" } });
    expect(search.json.data.map((i: { email: string }) => i.email)).toEqual(["two@example.test"]);
  });
});

describe("POST /invitations/bulk", () => {
  it("creates what it can and reports duplicates and members", async () => {
    const { agent, adminToken } = await createTeam();
    const res = await call(bulkRoute, {
      token: adminToken,
      body: { invitations: [{ email: "b1@example.test" }, { email: "B1@example.test" }, { email: agent.email }, { email: "b2@example.test", role: "ADMIN", name: "Bee" }] },
    });
    expect(res.status).toBe(200);
    expect(res.json.created.map((i: { email: string }) => i.email)).toEqual(["b1@example.test", "b2@example.test"]);
    expect(res.json.created[1]).toMatchObject({ role: "ADMIN", name: "Bee", inviteUrl: expect.stringContaining("/invite/") });
    expect(res.json.failed).toEqual([
      { email: "b1@example.test", code: "DUPLICATE", message: expect.any(String) },
      { email: agent.email, code: "CONFLICT", message: expect.any(String) },
    ]);
    expect((await call(bulkRoute, { token: adminToken, body: { invitations: [] } })).status).toBe(400);
  });
});

describe("POST /invitations/{id}/resend and DELETE /invitations/{id}", () => {
  it("resends with a new link (expired ones too) and refuses revoked or accepted ones", async () => {
    const { adminToken } = await createTeam();
    const created = await call(createRoute, { token: adminToken, body: { email: "again@example.test" } });
    await expire(created.json.id);
    expect((await view(tokenOf(created.json.inviteUrl))).json.status).toBe("EXPIRED");

    const resent = await call(resendRoute, { token: adminToken, params: { id: created.json.id } });
    expect(resent.status).toBe(200);
    expect(resent.json).toMatchObject({ status: "PENDING", sentCount: 2 });
    expect((await view(tokenOf(created.json.inviteUrl))).status).toBe(404);
    expect((await takeMails("again@example.test")).map((m) => m.text.includes(tokenOf(resent.json.inviteUrl)))).toContain(true);

    const accepted = await accept(tokenOf(resent.json.inviteUrl), { name: "Again", password: "long-enough" });
    expect(accepted.status).toBe(200);
    const afterAccept = await call(resendRoute, { token: adminToken, params: { id: created.json.id } });
    expect(afterAccept.status).toBe(422);
    expect(afterAccept.json.error.code).toBe("INVITATION_NOT_PENDING");
    const revokeAccepted = await call(revokeRoute, { token: adminToken, params: { id: created.json.id } });
    expect(revokeAccepted.status).toBe(422);
    expect(revokeAccepted.json.error.code).toBe("INVITATION_NOT_PENDING");
  });

  it("revokes a pending invitation (audited) so its link stops working", async () => {
    const { org, adminToken, agentToken } = await createTeam();
    const other = await createTeam();
    const created = await call(createRoute, { token: adminToken, body: { email: "revoke@example.test" } });
    expect((await call(revokeRoute, { token: agentToken, params: { id: created.json.id } })).status).toBe(403);
    expect((await call(revokeRoute, { token: other.adminToken, params: { id: created.json.id } })).status).toBe(404);
    expect((await call(revokeRoute, { token: adminToken, params: { id: created.json.id } })).status).toBe(204);
    expect((await call(revokeRoute, { token: adminToken, params: { id: created.json.id } })).status).toBe(204);
    expect(await auditOf(org.id, "invitation.revoked")).toHaveLength(1);
    const resend = await call(resendRoute, { token: adminToken, params: { id: created.json.id } });
    expect(resend.json.error.code).toBe("INVITATION_NOT_PENDING");
    const res = await accept(tokenOf(created.json.inviteUrl), { name: "Too Late", password: "long-enough" });
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe("INVITATION_REVOKED");
  });

  it("revoking the invitation of a passwordless user from POST /users takes them off the team", async () => {
    const { org, adminToken } = await createTeam();
    const created = await call(createUserRoute, { token: adminToken, body: { email: "never@example.test", name: "Never" } });
    expect((await call(revokeRoute, { token: adminToken, params: { id: created.json.invitation.id } })).status).toBe(204);
    expect((await membershipOf(org.id, Number(created.json.user.id))).deletedAt).not.toBeNull();
    const list = await call(listUsersRoute, { token: adminToken });
    expect(list.json.data.map((u: { id: string }) => u.id)).not.toContain(created.json.user.id);
  });
});

describe("GET /invitations/token/{token}", () => {
  it("shows the invitation to anyone with the link; unknown tokens are 404", async () => {
    const { org, adminToken } = await createTeam();
    const created = await call(createRoute, { token: adminToken, body: { email: "look@example.test", name: "Look", role: "ADMIN" } });
    const res = await view(tokenOf(created.json.inviteUrl));
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      email: "look@example.test",
      name: "Look",
      role: "ADMIN",
      organization: { id: String(org.id), name: org.name, logoUrl: null },
      invitedBy: "Ada Admin",
      status: "PENDING",
      expiresAt: created.json.expiresAt,
      accountExists: false,
    });
    expect((await view("x".repeat(43))).status).toBe(404);
    expect((await view("short")).status).toBe(404);
  });

  it("is rate limited per IP", async () => {
    let last;
    for (let i = 0; i < 61; i++) last = await call(viewRoute, { params: { token: `unknown-token-${i}` }, ip: "10.99.0.1" });
    expect(last!.status).toBe(429);
    expect(last!.headers.get("retry-after")).toBeTruthy();
  });
});

describe("POST /invitations/accept/{token}", () => {
  it("creates the account of a new person, adds the membership and signs them in", async () => {
    const { org, adminToken } = await createTeam();
    const created = await call(createRoute, { token: adminToken, body: { email: "fresh@example.test", role: "ADMIN" } });
    const token = tokenOf(created.json.inviteUrl);

    const missing = await accept(token, { password: "short" });
    expect(missing.status).toBe(400);
    expect(missing.json.error.details.map((d: { path: string }) => d.path).sort()).toEqual(["name", "password"]);
    expect((await accept(token, { name: "Fresh", password: "long-enough", admin: true })).status).toBe(400);

    const res = await accept(token, { name: "Fresh Person", password: "long-enough" });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ user: { email: "fresh@example.test", name: "Fresh Person", role: "ADMIN" }, organization: { id: String(org.id) } });
    expect((await call(meRoute, { token: res.json.accessToken })).status).toBe(200);
    expect((await call(loginRoute, { body: { email: "fresh@example.test", password: "long-enough" }, ip: freshIp() })).status).toBe(200);
    expect(await auditOf(org.id, "invitation.accepted")).toHaveLength(1);
    const [row] = await getDb().select().from(invitations).where(eq(invitations.id, Number(created.json.id)));
    expect(row.acceptedAt).not.toBeNull();

    const again = await accept(token, { name: "Fresh", password: "long-enough" });
    expect(again.status).toBe(422);
    expect(again.json.error.code).toBe("INVITATION_ACCEPTED");
    expect((await accept("no-such-token-at-all", { name: "X", password: "long-enough" })).status).toBe(404);
  });

  it("lets the passwordless user from POST /users choose a password (no name needed)", async () => {
    const { org, adminToken } = await createTeam();
    const created = await call(createUserRoute, { token: adminToken, body: { email: "pending@example.test", name: "Pending Person" } });
    const token = tokenOf(created.json.invitation.inviteUrl);
    expect((await view(token)).json.accountExists).toBe(false);
    expect((await accept(token, {})).json.error.details).toEqual([{ path: "password", message: "is required" }]);

    const res = await accept(token, { password: "my-new-password" });
    expect(res.status).toBe(200);
    expect(res.json.user).toMatchObject({ id: created.json.user.id, name: "Pending Person", invitationPending: false, role: "AGENT" });
    const [user] = await getDb().select().from(users).where(eq(users.id, Number(created.json.user.id)));
    expect(user.passwordHash).toBeTruthy();
    expect((await membershipOf(org.id, user.id)).deletedAt).toBeNull();
    const list = await call(listUsersRoute, { token: adminToken, query: { search: "pending@" } });
    expect(list.json.data[0].invitationPending).toBe(false);
  });

  it("asks an existing account for its password (401 when wrong) and joins it to the new org", async () => {
    const { org, adminToken } = await createTeam();
    const other = await createTeam();
    const created = await call(createRoute, { token: adminToken, body: { email: other.agent.email, role: "AGENT" } });
    const token = tokenOf(created.json.inviteUrl);
    expect((await view(token)).json.accountExists).toBe(true);

    const wrong = await accept(token, { password: "not-my-password" });
    expect(wrong.status).toBe(401);
    expect(wrong.json.error.code).toBe("UNAUTHENTICATED");
    expect((await accept(token, {})).status).toBe(401);
    expect(await membershipOf(org.id, other.agent.id)).toBeUndefined();

    const res = await accept(token, { password: TEST_PASSWORD, name: "Ignored" });
    expect(res.status).toBe(200);
    expect(res.json.user).toMatchObject({ id: String(other.agent.id), name: "Alan Agent" });
    expect(res.json.organization.id).toBe(String(org.id));
    expect(res.json.organizations.map((o: { id: string }) => o.id).sort()).toEqual([String(org.id), String(other.org.id)].sort());
    expect((await membershipOf(org.id, other.agent.id)).role).toBe("AGENT");
  });

  it("joins a person invited through POST /users who already had an account elsewhere", async () => {
    const { org, adminToken } = await createTeam();
    const elsewhere = await createUser({ org: (await createTeam()).org, name: "Elsewhere" });
    const created = await call(createUserRoute, { token: adminToken, body: { email: elsewhere.email, name: "X", role: "ADMIN" } });
    const res = await accept(tokenOf(created.json.invitation.inviteUrl), { password: TEST_PASSWORD });
    expect(res.status).toBe(200);
    expect((await membershipOf(org.id, elsewhere.id)).role).toBe("ADMIN");
  });

  it("refuses expired invitations", async () => {
    const { adminToken } = await createTeam();
    const created = await call(createRoute, { token: adminToken, body: { email: "expired@example.test" } });
    await expire(created.json.id);
    const res = await accept(tokenOf(created.json.inviteUrl), { name: "Late", password: "long-enough" });
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe("INVITATION_EXPIRED");
    expect((await getDb().select().from(users).where(eq(users.email, "expired@example.test"))).length).toBe(0);
  });
});
