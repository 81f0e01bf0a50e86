import { describe, expect, it } from "vitest";
import { GET as meRoute } from "@/app/api/v1/auth/me/route";
import { PATCH as profilePatch } from "@/app/api/v1/profile/route";
import { createApiKey, createTeam } from "@/lib/testing/factories";
import { call } from "@/lib/testing/http";
import { sessionCookie } from "@/lib/testing/session";
import { getDb } from "@/db/client";
import { organizations } from "@/db/schema";
import { eq } from "drizzle-orm";

describe("authentication", () => {
  it("accepts the browser session cookie and refuses cross-site mutations (CSRF)", async () => {
    const { org, admin } = await createTeam();
    const cookie = await sessionCookie(admin, org);
    expect((await call(meRoute, { cookie })).status).toBe(200);

    const foreign = await call(profilePatch, { cookie, body: { name: "Evil" }, headers: { origin: "https://evil.example" } });
    expect(foreign.status).toBe(403);
    const missing = await call(profilePatch, { cookie, body: { name: "No Origin" } });
    expect(missing.status).toBe(403);
    const same = await call(profilePatch, { cookie, body: { name: "Same Site" }, headers: { origin: "http://localhost:3000" } });
    expect(same.status).toBe(200);
    expect(same.json.name).toBe("Same Site");
    // Bearer callers are not cookie-bound, so no Origin is needed.
    expect((await call(profilePatch, { token: (await createTeam()).adminToken, body: { name: "API" } })).status).toBe(200);
  });

  it("rejects a session cookie minted before a token-version bump and a tampered cookie", async () => {
    const { org, admin } = await createTeam();
    const stale = await sessionCookie({ id: admin.id, tokenVersion: admin.tokenVersion + 1 }, org);
    expect((await call(meRoute, { cookie: stale })).status).toBe(401);
    const good = await sessionCookie(admin, org);
    expect((await call(meRoute, { cookie: good.slice(0, -4) + "AAAA" })).status).toBe(401);
  });

  it("refuses members and API keys of a suspended organization", async () => {
    const { org, adminToken } = await createTeam();
    const key = await createApiKey(org);
    await getDb().update(organizations).set({ status: "SUSPENDED" }).where(eq(organizations.id, org.id));
    expect((await call(meRoute, { token: adminToken })).status).toBe(403);
    expect((await call(meRoute, { token: key.secret })).status).toBe(403);
  });

  it("answers with a request id and never leaks internals", async () => {
    const res = await call(meRoute, { headers: { "x-request-id": "req-123" } });
    expect(res.status).toBe(401);
    expect(res.headers.get("x-request-id")).toBe("req-123");
    expect(res.headers.get("content-type")).toContain("application/json");
  });
});
