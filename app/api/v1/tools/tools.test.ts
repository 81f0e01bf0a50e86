import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { botConfigs, botIntents, botTools, getDb } from "@/lib/testing/db";
import { allowOutbound, fakeServer, json } from "@/lib/services/bot/tools/fake-server";
import { createBotConfig, createConnection, createIntent } from "@/lib/testing/bot-factories";
import { createTeam } from "@/lib/testing/factories";
import { call } from "@/lib/testing/http";
import { auditOf } from "@/lib/testing/inspect";
import { DELETE as deleteRoute, PUT as putRoute } from "./[id]/route";
import { POST as testRoute } from "./[id]/test/route";
import { GET as listRoute, POST as createRoute } from "./route";

let server: Awaited<ReturnType<typeof fakeServer>>;
beforeAll(async () => {
  server = await fakeServer((req, res) => json(res, 200, { order: { id: req.url.split("/").pop(), status: "shipped" } }));
});
afterAll(() => server.close());

const base = {
  name: "order_status",
  description: "Looks up an order",
  url: "https://api.example.com/orders/{{orderId}}",
  parameters: [{ name: "orderId", type: "string", required: true }],
};

describe("tools CRUD", () => {
  it("creates, lists, updates and deletes (audited); agents may not", async () => {
    const { org, adminToken, agentToken } = await createTeam();
    const created = await call(createRoute, { token: adminToken, body: base });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ name: "order_status", method: "GET", connectionId: null, timeoutMs: 10000, isActive: true, availableToAgents: false, responsePath: null });
    expect((await call(listRoute, { token: adminToken })).json.data.map((t: { name: string }) => t.name)).toEqual(["order_status"]);
    expect((await call(createRoute, { token: agentToken, body: { ...base, name: "other" } })).status).toBe(403);
    expect((await call(listRoute, { token: agentToken })).status).toBe(403);

    const dup = await call(createRoute, { token: adminToken, body: { ...base, name: "ORDER_STATUS" } });
    expect(dup.status).toBe(409);

    const updated = await call(putRoute, { token: adminToken, params: { id: created.json.id }, body: { timeoutMs: 5000, responsePath: "order.status", availableToAgents: true } });
    expect(updated.status).toBe(200);
    expect(updated.json).toMatchObject({ timeoutMs: 5000, responsePath: "order.status", availableToAgents: true, name: "order_status" });

    expect((await call(deleteRoute, { token: adminToken, params: { id: created.json.id } })).status).toBe(204);
    expect((await call(deleteRoute, { token: adminToken, params: { id: created.json.id } })).status).toBe(404);
    expect((await auditOf(org.id, "tool.created")).map((a) => a.metadata)).toEqual([{ name: "order_status", method: "GET", connectionId: null }]);
    expect((await auditOf(org.id, "tool.updated"))[0].metadata).toEqual({ name: "order_status", fields: ["availableToAgents", "responsePath", "timeoutMs"] });
    expect(await auditOf(org.id, "tool.deleted")).toEqual([expect.objectContaining({ targetId: created.json.id, metadata: { name: "order_status" } })]);
  });

  it("validates names, URLs, placeholders, timeouts and parameters", async () => {
    const { adminToken, org } = await createTeam();
    const bad = async (body: Record<string, unknown>) => {
      const r = await call(createRoute, { token: adminToken, body: { ...base, ...body } });
      expect(r.status, JSON.stringify(body)).toBe(400);
      return r.json.error.details as { path: string; message: string }[];
    };
    await bad({ name: "1abc" });
    await bad({ name: "has space" });
    await bad({ method: "TRACE" });
    await bad({ timeoutMs: 100 });
    await bad({ timeoutMs: 60_000 });
    expect(await bad({ url: "ftp://x.example.com/a" })).toEqual([{ path: "url", message: "Only http and https URLs are allowed" }]);
    expect(await bad({ url: "/orders/{{orderId}}" })).toEqual([expect.objectContaining({ path: "url" })]);
    expect(await bad({ url: "https://api.example.com/{{nope}}", query: { q: "{{other}}" } })).toEqual([
      { path: "url", message: "{{nope}} is not a declared parameter" },
      { path: "query.q", message: "{{other}} is not a declared parameter" },
    ]);
    expect(await bad({ method: "POST", bodyTemplate: '{"a": {{ghost}}}' })).toEqual([{ path: "bodyTemplate", message: "{{ghost}} is not a declared parameter" }]);
    expect((await bad({ method: "POST", bodyTemplate: '{"a": {{orderId}' }))[0].path).toBe("bodyTemplate");
    expect((await bad({ parameters: [{ name: "orderId", type: "string" }, { name: "orderId", type: "number" }] }))[0].message).toMatch(/twice/);
    await bad({ parameters: [{ name: "bad name", type: "string" }] });
    await bad({ headers: { "Bad Header": "x" } });

    // A path with a connection is fine; the connection must be the org's.
    const conn = await createConnection(org);
    const ok = await call(createRoute, { token: adminToken, body: { ...base, url: "/orders/{{orderId}}", connectionId: String(conn.id) } });
    expect(ok.status).toBe(201);
    const elsewhere = await call(createRoute, { token: adminToken, body: { ...base, name: "elsewhere", connectionId: String(conn.id) } });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.json.error.details[0].path).toBe("url");
    const sameHost = await call(createRoute, { token: adminToken, body: { ...base, name: "same_host", url: "https://crm.example.test/o/{{orderId}}", connectionId: String(conn.id) } });
    expect(sameHost.status).toBe(201);
    const foreign = await createConnection((await createTeam()).org);
    expect((await call(createRoute, { token: adminToken, body: { ...base, name: "x2", url: "/o", parameters: [], connectionId: String(foreign.id) } })).status).toBe(404);
    // An update is checked against the merged tool.
    expect((await call(putRoute, { token: adminToken, params: { id: ok.json.id }, body: { connectionId: null } })).status).toBe(400);
  });

  it("deleting a tool clears it from intents and from configs' toolIds", async () => {
    const { adminToken, org } = await createTeam();
    const created = await call(createRoute, { token: adminToken, body: base });
    const keep = await call(createRoute, { token: adminToken, body: { ...base, name: "keep" } });
    const id = Number(created.json.id);
    const config = await createBotConfig(org, { settings: { toolIds: [id, Number(keep.json.id)], ragTopK: 3 } });
    const config2 = await createBotConfig(org, { settings: { toolIds: [String(id)] as unknown as number[] } });
    const intent = await createIntent(org, { configId: config.id, action: "TOOL", toolId: id });
    expect((await call(deleteRoute, { token: adminToken, params: { id: String(id) } })).status).toBe(204);
    const [c] = await getDb().select().from(botConfigs).where(eq(botConfigs.id, config.id));
    expect(c.settings).toEqual({ toolIds: [Number(keep.json.id)], ragTopK: 3 });
    const [c2] = await getDb().select().from(botConfigs).where(eq(botConfigs.id, config2.id));
    expect(c2.settings).toEqual({ toolIds: [] });
    const [i] = await getDb().select().from(botIntents).where(eq(botIntents.id, intent.id));
    expect(i.toolId).toBeNull();
    expect(await getDb().select().from(botTools).where(eq(botTools.id, id))).toEqual([]);
  });
});

describe("POST /tools/{id}/test", () => {
  it("runs the tool for real and answers blocked URLs as ok=false", async () => {
    const { adminToken } = await createTeam();
    const local = await call(createRoute, { token: adminToken, body: { ...base, url: `${server.origin}/orders/{{orderId}}`, responsePath: "order" } });
    expect(local.status).toBe(201);
    // Without the allowlist the guard refuses 127.0.0.1: a normal answer, not a 5xx.
    const blocked = await call(testRoute, { token: adminToken, params: { id: local.json.id }, body: { params: { orderId: "A-1" } } });
    expect(blocked.status).toBe(200);
    expect(blocked.json).toMatchObject({ ok: false, status: null, error: expect.stringMatching(/private or reserved/) });

    const restore = allowOutbound("127.0.0.1");
    try {
      const run = await call(testRoute, { token: adminToken, params: { id: local.json.id }, body: { params: { orderId: "A-1" } } });
      expect(run.json).toMatchObject({ ok: true, status: 200, result: { id: "A-1", status: "shipped" }, error: null, request: { method: "GET", url: `${server.origin}/orders/A-1` } });
      const invalid = await call(testRoute, { token: adminToken, params: { id: local.json.id }, body: { params: {} } });
      expect(invalid.json).toMatchObject({ ok: false, error: "Invalid parameters: orderId is required" });
    } finally {
      restore();
    }
  });
});
