import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb, loginCodes, organizations, users } from "@/lib/testing/db";
import { resetEnvCache } from "@/lib/env";
import { sha256 } from "@/lib/crypto/tokens";
import { createOrg, createTeam, createUser, TEST_PASSWORD } from "@/lib/testing/factories";
import { call } from "@/lib/testing/http";
import { POST as completeOnboardingRoute } from "./complete-onboarding/route";
import { POST as loginRoute } from "./login/route";
import { GET as meRoute } from "./me/route";
import { POST as refreshRoute } from "./refresh/route";
import { POST as requestCodeRoute } from "./request-code/route";
import { POST as setPasswordRoute } from "./set-password/route";
import { POST as verifyCodeRoute } from "./verify-code/route";
import { takeMails } from "@/lib/testing/inspect";

// Twice the production limits: room for a sixth guess at a dead code, still low enough to hit in a test.
beforeAll(() => {
  vi.stubEnv("RATE_LIMIT_MULTIPLIER", "2");
  resetEnvCache();
});
afterAll(() => {
  vi.unstubAllEnvs();
  resetEnvCache();
});

let ipSeq = 0;
const freshIp = () => `10.20.${Math.floor(ipSeq / 250)}.${(ipSeq++ % 250) + 1}`;


async function requestCode(email: string, ip = freshIp()) {
  const res = await call(requestCodeRoute, { body: { email }, ip });
  expect(res.status).toBe(200);
  expect(res.json).toEqual({ success: true, expiresIn: 600 });
  const mails = await takeMails(email);
  expect(mails).toHaveLength(1);
  const code = /\b(\d{6})\b/.exec(mails[0].text)?.[1];
  expect(code).toBeDefined();
  return { code: code!, mail: mails[0] };
}

const verify = (email: string, code: string, ip = freshIp()) => call(verifyCodeRoute, { body: { email, code }, ip });
const otherCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

describe("email sign-in codes", () => {
  it("mails a code that signs in once, like login", async () => {
    const { agent, org } = await createTeam();
    const { code, mail } = await requestCode(agent.email.toUpperCase());
    expect(mail.subject).toContain("Tu código"); // no user locale: the org's (es)
    expect(mail.orgId ?? null).toBeNull();
    const [row] = await getDb().select().from(loginCodes).where(eq(loginCodes.userId, agent.id));
    expect(row.codeHash).toBe(sha256(code));

    const ok = await verify(agent.email, code);
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ expiresIn: 900, user: { id: String(agent.id), role: "AGENT" }, organization: { id: String(org.id) } });
    expect((await call(meRoute, { token: ok.json.accessToken })).status).toBe(200);
    expect((await call(refreshRoute, { body: { refreshToken: ok.json.refreshToken } })).status).toBe(200);
    const [me] = await getDb().select().from(users).where(eq(users.id, agent.id));
    expect(me.lastLoginAt).not.toBeNull();

    const reuse = await verify(agent.email, code);
    expect(reuse.status).toBe(401);
    expect(reuse.json.error).toEqual({ code: "UNAUTHENTICATED", message: "Invalid or expired code" });
  });

  it("writes in the user's own language when set", async () => {
    const org = await createOrg({ locale: "es" });
    const user = await createUser({ org });
    await getDb().update(users).set({ locale: "en" }).where(eq(users.id, user.id));
    const { mail } = await requestCode(user.email);
    expect(mail.subject).toContain("Your CX Inbox sign-in code");
  });

  it("voids the previous code when a new one is requested", async () => {
    const { agent } = await createTeam();
    const first = await requestCode(agent.email);
    const second = await requestCode(agent.email);
    if (first.code !== second.code) expect((await verify(agent.email, first.code)).status).toBe(401);
    expect((await verify(agent.email, second.code)).status).toBe(200);
  });

  it("refuses an expired code", async () => {
    const { agent } = await createTeam();
    const { code } = await requestCode(agent.email);
    await getDb()
      .update(loginCodes)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(loginCodes.userId, agent.id));
    expect((await verify(agent.email, code)).status).toBe(401);
  });

  it("kills a code after 5 wrong guesses", async () => {
    const { agent } = await createTeam();
    const { code } = await requestCode(agent.email);
    for (let i = 0; i < 5; i++) expect((await verify(agent.email, otherCode(code))).status).toBe(401);
    const late = await verify(agent.email, code);
    expect(late.status).toBe(401);
    const [row] = await getDb().select().from(loginCodes).where(eq(loginCodes.userId, agent.id));
    expect(row).toMatchObject({ attempts: 5, usedAt: null });
  });

  it("answers 200 for an unknown email and queues no mail", async () => {
    const res = await call(requestCodeRoute, { body: { email: "nobody@example.test" }, ip: freshIp() });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ success: true, expiresIn: 600 });
    expect(await takeMails("nobody@example.test")).toEqual([]);
    expect((await verify("nobody@example.test", "123456")).status).toBe(401);
  });

  it("validates the code format and rate limits requests per account", async () => {
    const bad = await call(verifyCodeRoute, { body: { email: "a@b.test", code: "12ab" }, ip: freshIp() });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details).toContainEqual(expect.objectContaining({ path: "code" }));

    const { agent } = await createTeam();
    let last;
    for (let i = 0; i < 11; i++) last = await call(requestCodeRoute, { body: { email: agent.email }, ip: freshIp() });
    expect(last!.status).toBe(429);
    expect(last!.json.error.code).toBe("RATE_LIMITED");
  });
});

describe("set-password", () => {
  it("lets a user without password (signed in by code) set one, and voids every earlier token", async () => {
    const org = await createOrg();
    const invited = await createUser({ org, password: null });
    const { code } = await requestCode(invited.email);
    const old = await verify(invited.email, code);
    expect(old.status).toBe(200);
    expect(old.json.user.invitationPending).toBe(true);

    const res = await call(setPasswordRoute, { token: old.json.accessToken, body: { password: "brand-new-secret" } });
    expect(res.status).toBe(200);
    expect(res.json.user).toMatchObject({ id: String(invited.id), invitationPending: false });
    expect(res.json.accessToken).not.toBe(old.json.accessToken);

    expect((await call(meRoute, { token: old.json.accessToken })).status).toBe(401);
    expect((await call(meRoute, { token: res.json.accessToken })).status).toBe(200);
    expect((await call(refreshRoute, { body: { refreshToken: old.json.refreshToken } })).status).toBe(401);
    expect((await call(refreshRoute, { body: { refreshToken: res.json.refreshToken } })).status).toBe(200);

    const login = await call(loginRoute, { body: { email: invited.email, password: "brand-new-secret" }, ip: freshIp() });
    expect(login.status).toBe(200);
    const mails = await takeMails(invited.email);
    expect(mails.map((m) => m.subject)).toContain("Tu contraseña de CX Inbox cambió");
  });

  it("also works for a user who already has a password, and rejects short ones", async () => {
    const { admin } = await createTeam();
    const session = await call(loginRoute, { body: { email: admin.email, password: TEST_PASSWORD }, ip: freshIp() });
    const short = await call(setPasswordRoute, { token: session.json.accessToken, body: { password: "short" } });
    expect(short.status).toBe(400);
    const res = await call(setPasswordRoute, { token: session.json.accessToken, body: { password: "another-long-one" } });
    expect(res.status).toBe(200);
    expect((await call(meRoute, { token: session.json.accessToken })).status).toBe(401);
  });
});

describe("complete-onboarding", () => {
  it("needs org.update and keeps the first completion time", async () => {
    const { org, adminToken, agentToken } = await createTeam();
    const denied = await call(completeOnboardingRoute, { token: agentToken });
    expect(denied.status).toBe(403);

    const first = await call(completeOnboardingRoute, { token: adminToken });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ id: String(org.id), onboardingCompleted: true });
    const read = async () =>
      (await getDb().select().from(organizations).where(eq(organizations.id, org.id)))[0].onboardingCompletedAt;
    const at = await read();
    expect(at).not.toBeNull();

    const again = await call(completeOnboardingRoute, { token: adminToken });
    expect(again.status).toBe(200);
    expect(again.json.onboardingCompleted).toBe(true);
    expect((await read())?.getTime()).toBe(at!.getTime());
  });
});
