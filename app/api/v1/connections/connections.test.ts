import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { botTools, connections, getDb } from "@/lib/testing/db";
import { allowOutbound, fakeServer, json } from "@/lib/services/bot/tools/fake-server";
import { createTool } from "@/lib/testing/bot-factories";
import { createTeam } from "@/lib/testing/factories";
import { call } from "@/lib/testing/http";
import { auditOf } from "@/lib/testing/inspect";
import { DELETE as deleteRoute, PUT as putRoute } from "./[id]/route";
import { GET as secretsRoute } from "./[id]/secrets/route";
import { POST as testRoute } from "./[id]/test/route";
import { GET as listRoute, POST as createRoute } from "./route";

let server: Awaited<ReturnType<typeof fakeServer>>;
beforeAll(async () => {
  server = await fakeServer((req, res) => {
    if (req.headers.authorization !== "Bearer tok-ABCDEFGH-123") return json(res, 401, { error: "unauthorized" });
    json(res, 200, { path: req.url, echo: req.headers.authorization });
  });
});
afterAll(() => server.close());

const body = { name: "CRM", baseUrl: "https://crm.example.com/api", authType: "BEARER", secrets: { token: "tok-ABCDEFGH-123" } };

describe("connections", () => {
  it("creates with masked secrets, keeps them write-only, reveals them audited", async () => {
    const { org, adminToken, agentToken } = await createTeam();
    const created = await call(createRoute, { token: adminToken, body });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ name: "CRM", authType: "BEARER", headers: {}, isActive: true, lastTestedAt: null, lastTestOk: null });
    expect(created.json.secrets.token).not.toContain("ABCDEFGH");
    expect(JSON.stringify(await call(listRoute, { token: adminToken }))).not.toContain("tok-ABCDEFGH-123");
    expect((await call(listRoute, { token: agentToken })).status).toBe(403);
    expect((await call(secretsRoute, { token: agentToken, params: { id: created.json.id } })).status).toBe(403);
    // Stored encrypted.
    const [row] = await getDb().select().from(connections).where(eq(connections.id, Number(created.json.id)));
    expect(row.secretsEnc).not.toContain("tok-ABCDEFGH");

    // Absent secrets keep; a key sets; null clears a key.
    const renamed = await call(putRoute, { token: adminToken, params: { id: created.json.id }, body: { name: "CRM 2" } });
    expect(renamed.json.secrets.token).toBe(created.json.secrets.token);
    const revealed = await call(secretsRoute, { token: adminToken, params: { id: created.json.id } });
    expect(revealed.json).toEqual({ secrets: { token: "tok-ABCDEFGH-123" } });
    expect(await auditOf(org.id, "connection.secrets_revealed")).toHaveLength(1);

    const basic = await call(putRoute, { token: adminToken, params: { id: created.json.id }, body: { authType: "BASIC", secrets: { token: null, username: "ana", password: "pw-123456789" } } });
    expect(basic.status).toBe(200);
    expect(basic.json.secrets.username).toBe("ana");
    expect(basic.json.secrets.password).not.toBe("pw-123456789");
    expect((await call(secretsRoute, { token: adminToken, params: { id: created.json.id } })).json.secrets).toEqual({ username: "ana", password: "pw-123456789" });
    // Nothing secret in the audit trail.
    expect(JSON.stringify(await auditOf(org.id, "connection.updated"))).not.toContain("pw-123456789");
  });

  it("validates the base URL, required secrets and unique names", async () => {
    const { adminToken } = await createTeam();
    expect((await call(createRoute, { token: adminToken, body: { ...body, baseUrl: "file:///etc/passwd" } })).status).toBe(400);
    expect((await call(createRoute, { token: adminToken, body: { ...body, baseUrl: "https://u:p@x.example.com" } })).status).toBe(400);
    const missing = await call(createRoute, { token: adminToken, body: { ...body, secrets: {} } });
    expect(missing.status).toBe(400);
    expect(missing.json.error.details).toEqual([{ path: "secrets.token", message: "is required for BEARER authentication" }]);
    expect((await call(createRoute, { token: adminToken, body })).status).toBe(201);
    expect((await call(createRoute, { token: adminToken, body: { ...body, name: "crm" } })).status).toBe(409);
  });

  it("deleting a connection leaves its tools without one", async () => {
    const { org, adminToken } = await createTeam();
    const created = await call(createRoute, { token: adminToken, body });
    const tool = await createTool(org);
    await getDb().update(botTools).set({ connectionId: Number(created.json.id) }).where(eq(botTools.id, tool.id));
    expect((await call(deleteRoute, { token: adminToken, params: { id: created.json.id } })).status).toBe(204);
    const [t] = await getDb().select().from(botTools).where(eq(botTools.id, tool.id));
    expect(t.connectionId).toBeNull();
    expect(await auditOf(org.id, "connection.deleted")).toHaveLength(1);
  });

  it("tests a connection with its auth, records the outcome and never shows the secret", async () => {
    const { adminToken } = await createTeam();
    const created = await call(createRoute, { token: adminToken, body: { ...body, baseUrl: `${server.origin}/api/` } });
    const blocked = await call(testRoute, { token: adminToken, params: { id: created.json.id }, body: {} });
    expect(blocked.status).toBe(200);
    expect(blocked.json).toMatchObject({ ok: false, status: null, preview: null, error: expect.stringMatching(/private or reserved/) });

    const restore = allowOutbound("127.0.0.1");
    try {
      const ok = await call(testRoute, { token: adminToken, params: { id: created.json.id }, body: { path: "/customers/{{id}}", variables: { id: "a b" } } });
      expect(ok.json).toMatchObject({ ok: true, status: 200, error: null });
      expect(JSON.parse(ok.json.preview).path).toBe("/api/customers/a%20b");
      expect(ok.json.preview).not.toContain("tok-ABCDEFGH-123");
      const list = await call(listRoute, { token: adminToken });
      expect(list.json.data[0]).toMatchObject({ lastTestOk: true, lastTestedAt: expect.any(String) });

      await call(putRoute, { token: adminToken, params: { id: created.json.id }, body: { secrets: { token: "wrong-token-xyz" } } });
      const denied = await call(testRoute, { token: adminToken, params: { id: created.json.id }, body: {} });
      expect(denied.json).toMatchObject({ ok: false, status: 401, error: "The service answered HTTP 401" });
      expect((await call(listRoute, { token: adminToken })).json.data[0].lastTestOk).toBe(false);
    } finally {
      restore();
    }
  });
});
