import { describe, expect, it } from "vitest";
import { createTeam, TEST_PASSWORD } from "@/lib/testing/factories";
import { call } from "@/lib/testing/http";
import { POST as loginRoute } from "./login/route";
import { GET as meRoute } from "./me/route";
import { POST as refreshRoute } from "./refresh/route";
import { POST as registerRoute } from "./register/route";

describe("auth", () => {
  it("registers an organization with its admin and signs them in", async () => {
    const res = await call(registerRoute, { body: { companyName: "Acme Café", name: "Ana", email: "Ana@Acme.test", password: "sup3r-secret" } });
    expect(res.status).toBe(201);
    expect(res.json.user).toMatchObject({ email: "ana@acme.test", role: "ADMIN", name: "Ana" });
    expect(res.json.organization).toMatchObject({ name: "Acme Café", slug: "acme-cafe", plan: "FREE", timezone: "America/Mexico_City", locale: "es" });
    const me = await call(meRoute, { token: res.json.accessToken });
    expect(me.status).toBe(200);
    expect(me.json.user.email).toBe("ana@acme.test");
    expect(me.json.permissions).toContain("users.manage");

    const again = await call(registerRoute, { body: { companyName: "Acme 2", name: "Ana", email: "ana@acme.test", password: "sup3r-secret" } });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe("CONFLICT");
  });

  it("rejects unknown fields, bad types and malformed JSON with field details", async () => {
    const unknown = await call(registerRoute, { body: { companyName: "X", name: "Y", email: "y@x.test", password: "12345678", admin: true } });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error).toMatchObject({ code: "VALIDATION_ERROR" });
    expect(unknown.json.error.details).toContainEqual({ path: "admin", message: expect.stringContaining("Unknown field") });
    const bad = await call(loginRoute, { body: { email: "not-an-email", password: 5 } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details.map((d: { path: string }) => d.path).sort()).toEqual(["email", "password"]);
    const malformed = await call(loginRoute, { raw: "{not json" });
    expect(malformed.status).toBe(400);
    const wrongType = await call(loginRoute, { raw: "email=a", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(wrongType.status).toBe(415);
  });

  it("logs in, rotates refresh tokens and revokes the family on reuse", async () => {
    const { admin } = await createTeam();
    const bad = await call(loginRoute, { body: { email: admin.email, password: "wrong-password" } });
    expect(bad.status).toBe(401);
    const ok = await call(loginRoute, { body: { email: admin.email.toUpperCase(), password: TEST_PASSWORD } });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ expiresIn: 900, user: { id: String(admin.id) } });
    // Signing in brings an offline user online for the team.
    expect((await call(meRoute, { token: ok.json.accessToken })).json.user.status).toBe("ONLINE");

    const first = await call(refreshRoute, { body: { refreshToken: ok.json.refreshToken } });
    expect(first.status).toBe(200);
    expect(first.json.refreshToken).not.toBe(ok.json.refreshToken);

    const reuse = await call(refreshRoute, { body: { refreshToken: ok.json.refreshToken } });
    expect(reuse.status).toBe(401);
    // The reuse revoked the family: the newest token is dead too.
    const after = await call(refreshRoute, { body: { refreshToken: first.json.refreshToken } });
    expect(after.status).toBe(401);
  });

  it("rate limits login per account with Retry-After", async () => {
    const { agent } = await createTeam();
    let last;
    for (let i = 0; i < 11; i++) last = await call(loginRoute, { body: { email: agent.email, password: "nope-nope" }, ip: `10.1.0.${i}` });
    expect(last!.status).toBe(429);
    expect(last!.json.error.code).toBe("RATE_LIMITED");
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("answers 401 without credentials and with a bad token", async () => {
    expect((await call(meRoute)).status).toBe(401);
    const res = await call(meRoute, { token: "garbage" });
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe("UNAUTHENTICATED");
  });
});
