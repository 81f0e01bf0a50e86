import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { apiKeys, getDb } from "@/lib/testing/db";
import { sha256 } from "@/lib/crypto/tokens";
import { createApiKey as createKeyRow, createTeam } from "@/lib/testing/factories";
import { call } from "@/lib/testing/http";
import { GET as meRoute } from "../auth/me/route";
import { POST as createUserRoute } from "../users/route";
import { PATCH as patchRoute, DELETE as deleteRoute } from "./[id]/route";
import { GET as listRoute, POST as createRoute } from "./route";
import { auditOf } from "@/lib/testing/inspect";


describe("API keys", () => {
  it("creates a key shown once that authenticates as the org", async () => {
    const { org, admin, adminToken } = await createTeam();
    const res = await call(createRoute, { token: adminToken, body: { name: "CRM sync" } });
    expect(res.status).toBe(201);
    const { key } = res.json;
    expect(key).toMatch(/^cxk_[\w-]{8}_[\w-]{32}$/);
    expect(res.json).toMatchObject({
      name: "CRM sync",
      role: "ADMIN",
      enabled: true,
      prefix: key.slice(0, 12),
      lastUsedAt: null,
      expiresAt: null,
      createdBy: { id: String(admin.id), name: "Ada Admin" },
    });
    const [row] = await getDb().select().from(apiKeys).where(eq(apiKeys.id, Number(res.json.id)));
    expect(row.keyHash).toBe(sha256(key));

    const me = await call(meRoute, { token: key });
    expect(me.status).toBe(200);
    expect(me.json).toMatchObject({ user: null, apiKeyId: res.json.id, organization: { id: String(org.id) } });

    const list = await call(listRoute, { token: adminToken });
    expect(list.json).toMatchObject({ total: 1, page: 1, data: [{ id: res.json.id, prefix: key.slice(0, 12) }] });
    expect(JSON.stringify(list.json)).not.toContain(key);
    expect((await auditOf(org.id, "api_key.created"))[0]).toMatchObject({ targetId: res.json.id, actorUserId: admin.id });
  });

  it("lists newest first, only the org's keys", async () => {
    const { adminToken } = await createTeam();
    const other = await createTeam();
    await createKeyRow(other.org);
    const first = await call(createRoute, { token: adminToken, body: { name: "first" } });
    const second = await call(createRoute, { token: adminToken, body: { name: "second", role: "AGENT" } });
    const list = await call(listRoute, { token: adminToken });
    expect(list.json.data.map((k: { id: string }) => k.id)).toEqual([second.json.id, first.json.id]);
  });

  it("validates expiry and honours it", async () => {
    const { adminToken } = await createTeam();
    const past = await call(createRoute, { token: adminToken, body: { name: "old", expiresAt: "2001-01-01T00:00:00Z" } });
    expect(past.status).toBe(400);
    expect(past.json.error.details).toEqual([{ path: "expiresAt", message: "must be in the future" }]);
    expect((await call(createRoute, { token: adminToken, body: { name: "bad", expiresAt: "tomorrow" } })).status).toBe(400);

    const future = new Date(Date.now() + 86_400_000).toISOString();
    const res = await call(createRoute, { token: adminToken, body: { name: "soon", expiresAt: future } });
    expect(res.status).toBe(201);
    expect(res.json.expiresAt).toBe(future);
    await getDb().update(apiKeys).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(apiKeys.id, Number(res.json.id)));
    expect((await call(meRoute, { token: res.json.key })).status).toBe(401);
  });

  it("disables, re-enables, renames and deletes a key (audited)", async () => {
    const { org, adminToken } = await createTeam();
    const { json: created } = await call(createRoute, { token: adminToken, body: { name: "toggle" } });
    const params = { id: created.id };

    const disabled = await call(patchRoute, { token: adminToken, params, body: { enabled: false } });
    expect(disabled.status).toBe(200);
    expect(disabled.json).toMatchObject({ enabled: false, name: "toggle" });
    expect((await call(meRoute, { token: created.key })).status).toBe(401);

    const enabled = await call(patchRoute, { token: adminToken, params, body: { enabled: true, name: "renamed" } });
    expect(enabled.json).toMatchObject({ enabled: true, name: "renamed" });
    expect((await call(meRoute, { token: created.key })).status).toBe(200);
    expect((await call(patchRoute, { token: adminToken, params, body: {} })).status).toBe(400);

    expect((await call(deleteRoute, { token: adminToken, params })).status).toBe(204);
    expect((await call(meRoute, { token: created.key })).status).toBe(401);
    expect((await call(deleteRoute, { token: adminToken, params })).status).toBe(404);
    expect(await auditOf(org.id, "api_key.updated")).toHaveLength(2);
    expect(await auditOf(org.id, "api_key.deleted")).toHaveLength(1);
  });

  it("answers 404 for another org's key and leaves it alone", async () => {
    const { adminToken } = await createTeam();
    const other = await createTeam();
    const { row, secret } = await createKeyRow(other.org);
    expect((await call(patchRoute, { token: adminToken, params: { id: String(row.id) }, body: { enabled: false } })).status).toBe(404);
    expect((await call(deleteRoute, { token: adminToken, params: { id: String(row.id) } })).status).toBe(404);
    expect((await call(meRoute, { token: secret })).status).toBe(200);
  });

  it("is for admins in person: agents and API keys cannot manage keys", async () => {
    const { org, agentToken } = await createTeam();
    const { secret } = await createKeyRow(org, "ADMIN");
    expect((await call(createRoute, { token: agentToken, body: { name: "nope" } })).status).toBe(403);
    expect((await call(listRoute, { token: agentToken })).status).toBe(403);
    const byKey = await call(createRoute, { token: secret, body: { name: "minted by a key" } });
    expect(byKey.status).toBe(403);
    expect((await call(listRoute, { token: secret })).status).toBe(403);
  });

  it("carries its role: an AGENT key cannot add users, an ADMIN key can", async () => {
    const { adminToken } = await createTeam();
    const agentKey = (await call(createRoute, { token: adminToken, body: { name: "agent key", role: "AGENT" } })).json.key;
    const adminKey = (await call(createRoute, { token: adminToken, body: { name: "admin key" } })).json.key;
    const refused = await call(createUserRoute, { token: agentKey, body: { email: "via-key@example.test", name: "Via Key" } });
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe("FORBIDDEN");
    const allowed = await call(createUserRoute, { token: adminKey, body: { email: "via-key@example.test", name: "Via Key" } });
    expect(allowed.status).toBe(201);
    expect(allowed.json.invitation.invitedBy).toBeNull();
  });
});
