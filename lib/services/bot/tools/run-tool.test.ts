import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { botTools, connections, type ToolParameter } from "@/db/schema";
import { createOrg } from "@/lib/testing/factories";
import { encryptSecrets } from "./connection-auth";
import { allowOutbound, fakeServer, json } from "./fake-server";
import { fillJson, validateParams } from "./placeholders";
import { atPath, runTool, toolsForBot } from "./run-tool";

let server: Awaited<ReturnType<typeof fakeServer>>;
let restore: () => void;
beforeAll(async () => {
  server = await fakeServer((req, res) => {
    if (req.url.startsWith("/slow")) return void setTimeout(() => json(res, 200, { late: true }), 2000);
    if (req.url.startsWith("/big")) return void res.end("y".repeat(300 * 1024));
    if (req.url.startsWith("/long")) return json(res, 200, { items: Array.from({ length: 500 }, (_, i) => ({ i, name: `item ${i}` })) });
    if (req.url.startsWith("/fail")) return json(res, 500, { error: "boom" });
    if (req.url.startsWith("/echo-auth")) return json(res, 200, { saw: req.headers.authorization ?? req.headers["x-api-key"] ?? null });
    if (req.url.startsWith("/text")) {
      res.writeHead(200, { "content-type": "text/plain" });
      return void res.end("plain answer");
    }
    if (req.url.startsWith("/redirect")) {
      res.writeHead(302, { location: "http://10.0.0.1/internal" });
      return void res.end();
    }
    json(res, 200, { data: { orders: [{ id: "A-1", status: "shipped" }] }, method: req.method, url: req.url, body: req.body, headers: req.headers });
  });
});
afterAll(() => server.close());
afterEach(() => restore?.());

const allow = () => (restore = allowOutbound("127.0.0.1"));

type ToolValues = Partial<typeof botTools.$inferInsert>;
async function tool(orgId: number, values: ToolValues) {
  const [row] = await getDb()
    .insert(botTools)
    .values({ orgId, name: `t_${Math.random().toString(36).slice(2, 8)}`, description: "test", url: `${server.origin}/orders`, ...values })
    .returning();
  return row;
}
async function connection(orgId: number, authType: "NONE" | "BEARER" | "BASIC" | "API_KEY", secrets: Record<string, string>, extra: { headers?: Record<string, string>; baseUrl?: string } = {}) {
  const [row] = await getDb()
    .insert(connections)
    .values({ orgId, name: `c-${Math.random().toString(36).slice(2, 8)}`, baseUrl: extra.baseUrl ?? `${server.origin}/api`, authType, secretsEnc: encryptSecrets(secrets), headers: extra.headers ?? {} })
    .returning();
  return row;
}

const P = (name: string, type: ToolParameter["type"], extra: Partial<ToolParameter> = {}): ToolParameter => ({ name, type, ...extra });

describe("placeholders", () => {
  it("validates and coerces parameters", () => {
    const params = [P("id", "string", { required: true }), P("n", "number"), P("flag", "boolean"), P("color", "string", { enum: ["red", "blue"] })];
    expect(validateParams(params, { id: 5, n: "42", flag: "true", color: "red", extra: "dropped" })).toEqual({ ok: true, values: { id: "5", n: 42, flag: true, color: "red" } });
    const bad = validateParams(params, { n: "forty", flag: "maybe", color: "green" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems.map((p) => p.path)).toEqual(["id", "n", "flag", "color"]);
  });

  it("fills JSON templates escaping strings and typing bare values", () => {
    const out = fillJson('{"q": "{{q}}", "n": {{n}}, "s": {{q}}, "missing": {{x}}, "lit": "a \\"{{q}}\\""}', { q: 'say "hi"\n}', n: 3 });
    expect(JSON.parse(out)).toEqual({ q: 'say "hi"\n}', n: 3, s: 'say "hi"\n}', missing: null, lit: 'a "say "hi"\n}"' });
  });

  it("cuts responses to a dot path with indexes", () => {
    const v = { data: { orders: [{ id: 1 }, { id: 2 }] }, list: [[1, 2]] };
    expect(atPath(v, "data.orders[1].id")).toBe(2);
    expect(atPath([{ a: 1 }], "[0].a")).toBe(1);
    expect(atPath(v, "list[0][1]")).toBe(2);
    expect(atPath(v, "data.nope.x")).toBeUndefined();
    expect(atPath(v, null)).toBe(v);
  });
});

describe("runTool against a local server", () => {
  it("fills URL, query and body placeholders with the right encoding and cuts to responsePath", async () => {
    allow();
    const org = await createOrg();
    const t = await tool(org.id, {
      method: "POST",
      url: `${server.origin}/orders/{{id}}`,
      query: { q: "{{q}}", fixed: "1" },
      headers: { "X-Trace": "{{id}}" },
      bodyTemplate: '{"note": "{{q}}", "qty": {{qty}}}',
      parameters: [P("id", "string", { required: true }), P("q", "string"), P("qty", "number")],
    });
    const run = await runTool(org.id, t, { id: "a/b c", q: 'x&y="z"', qty: "2" });
    expect(run.ok).toBe(true);
    expect(run.status).toBe(200);
    const r = run.result as { url: string; body: string; method: string; headers: Record<string, string> };
    expect(r.method).toBe("POST");
    expect(r.url).toBe("/orders/a%2Fb%20c?q=x%26y%3D%22z%22&fixed=1");
    expect(JSON.parse(r.body)).toEqual({ note: 'x&y="z"', qty: 2 });
    expect(r.headers["content-type"]).toBe("application/json");
    expect(r.headers["x-trace"]).toBe("a/b c");
    expect(run.request).toEqual({ method: "POST", url: `${server.origin}/orders/a%2Fb%20c?q=x%26y%3D%22z%22&fixed=1` });

    const cut = await tool(org.id, { responsePath: "data.orders[0].status" });
    expect((await runTool(org.id, cut, {})).result).toBe("shipped");
    const text = await tool(org.id, { url: `${server.origin}/text` });
    expect((await runTool(org.id, text, {})).result).toBe("plain answer");
  });

  it("refuses invalid parameters without calling", async () => {
    allow();
    const org = await createOrg();
    const before = server.received.length;
    const t = await tool(org.id, { url: `${server.origin}/orders/{{id}}`, parameters: [P("id", "number", { required: true })] });
    const run = await runTool(org.id, t, { id: "abc" });
    expect(run).toMatchObject({ ok: false, status: null, error: "Invalid parameters: id must be a number" });
    expect((await runTool(org.id, t, {})).error).toBe("Invalid parameters: id is required");
    expect(server.received.length).toBe(before);
  });

  it("applies each connection's auth and headers, and never returns the secrets", async () => {
    allow();
    const org = await createOrg();
    const cases: { type: "BEARER" | "BASIC" | "API_KEY"; secrets: Record<string, string>; header: string; expect: string }[] = [
      { type: "BEARER", secrets: { token: "tok-SECRET-1" }, header: "authorization", expect: "Bearer tok-SECRET-1" },
      { type: "BASIC", secrets: { username: "ana", password: "pw-SECRET-2" }, header: "authorization", expect: `Basic ${Buffer.from("ana:pw-SECRET-2").toString("base64")}` },
      { type: "API_KEY", secrets: { apiKey: "key-SECRET-3", headerName: "X-Custom-Key" }, header: "x-custom-key", expect: "key-SECRET-3" },
      { type: "API_KEY", secrets: { apiKey: "key-SECRET-4" }, header: "x-api-key", expect: "key-SECRET-4" },
    ];
    for (const c of cases) {
      const conn = await connection(org.id, c.type, c.secrets, { headers: { "X-Tenant": "acme" } });
      const t = await tool(org.id, { url: "/orders/{{id}}", connectionId: conn.id, parameters: [P("id", "string")] });
      const run = await runTool(org.id, t, { id: "7" });
      expect(run.ok, c.type).toBe(true);
      const seen = server.received.at(-1)!;
      expect(seen.url).toBe("/api/orders/7");
      expect(seen.headers[c.header]).toBe(c.expect);
      expect(seen.headers["x-tenant"]).toBe("acme");
      const shown = JSON.stringify({ request: run.request, error: run.error });
      for (const secret of Object.values(c.secrets).filter((s) => s.includes("SECRET"))) expect(shown).not.toContain(secret);
      expect(run.request.url).toBe(`${server.origin}/api/orders/7`);
    }
    // A server that echoes the credential back does not leak it either.
    const conn = await connection(org.id, "BEARER", { token: "tok-ECHO-SECRET" });
    const echo = await tool(org.id, { url: "/echo-auth", connectionId: conn.id });
    const run = await runTool(org.id, echo, {});
    expect(JSON.stringify(run)).not.toContain("tok-ECHO-SECRET");
  });

  it("masks credential-looking query values in the shown URL", async () => {
    allow();
    const org = await createOrg();
    const t = await tool(org.id, { query: { api_key: "plain-in-query", page: "1" } });
    const run = await runTool(org.id, t, {});
    expect(run.ok).toBe(true);
    expect(run.request.url).not.toContain("plain-in-query");
    expect(run.request.url).toContain("page=1");
  });

  it("reports HTTP errors, timeouts and oversized answers as ok=false", async () => {
    allow();
    const org = await createOrg();
    const fail = await runTool(org.id, await tool(org.id, { url: `${server.origin}/fail` }), {});
    expect(fail).toMatchObject({ ok: false, status: 500, error: "The service answered HTTP 500", result: { error: "boom" } });
    const slow = await runTool(org.id, await tool(org.id, { url: `${server.origin}/slow`, timeoutMs: 500 }), {});
    expect(slow).toMatchObject({ ok: false, status: null, error: "The request timed out" });
    expect(slow.ms).toBeLessThan(1500);
    const big = await runTool(org.id, await tool(org.id, { url: `${server.origin}/big` }), {});
    expect(big.ok).toBe(false);
    expect(big.error).toMatch(/larger than 262144 bytes/);
  });

  it("truncates large results to about 4,000 characters", async () => {
    allow();
    const org = await createOrg();
    const run = await runTool(org.id, await tool(org.id, { url: `${server.origin}/long` }), {});
    expect(run.ok).toBe(true);
    expect(typeof run.result).toBe("string");
    expect((run.result as string).length).toBeLessThan(4100);
    expect(run.result as string).toMatch(/truncated\)$/);
  });
});

describe("runTool SSRF refusals (no allowlist)", () => {
  it("refuses loopback, private, metadata, a name resolving to loopback and a redirect to a private address", async () => {
    const org = await createOrg();
    for (const url of [`${server.origin}/orders`, "http://10.0.0.1/x", "http://169.254.169.254/latest/meta-data/", `http://localhost:${server.port}/orders`, "http://[::1]/", "http://2130706433/"]) {
      const run = await runTool(org.id, await tool(org.id, { url, timeoutMs: 2000 }), {});
      expect(run.ok, url).toBe(false);
      expect(run.error, url).toMatch(/private or reserved/);
    }
    // The redirect: the first hop is allowed, the private second hop is not.
    restore = allowOutbound(`127.0.0.1:${server.port}`);
    const run = await runTool(org.id, await tool(org.id, { url: `${server.origin}/redirect`, timeoutMs: 2000 }), {});
    expect(run).toMatchObject({ ok: false, status: null });
    expect(run.error).toMatch(/private or reserved/);
  });
});

describe("toolsForBot", () => {
  it("answers the org's active tools among the ids", async () => {
    const org = await createOrg();
    const other = await createOrg();
    const a = await tool(org.id, {});
    const inactive = await tool(org.id, { isActive: false });
    const foreign = await tool(other.id, {});
    expect((await toolsForBot(org.id, [a.id, inactive.id, foreign.id])).map((t) => t.id)).toEqual([a.id]);
    expect(await toolsForBot(org.id, [])).toEqual([]);
  });
});

describe("runTool keeps a connection's credentials on its host", () => {
  it("refuses an absolute URL elsewhere and dot segments that climb the path", async () => {
    allow();
    const org = await createOrg();
    const conn = await connection(org.id, "BEARER", { token: "tok-HOST-SECRET" });
    const elsewhere = await tool(org.id, { url: "http://{{host}}/steal", connectionId: conn.id, parameters: [P("host", "string")] });
    const run = await runTool(org.id, elsewhere, { host: "attacker.example" });
    expect(run.ok).toBe(false);
    expect(run.error).toMatch(/not on the host of the connection/);
    const climb = await tool(org.id, { url: "/orders/{{id}}", connectionId: conn.id, parameters: [P("id", "string")] });
    expect((await runTool(org.id, climb, { id: ".." })).error).toBe('Invalid parameters: id cannot be "." or ".."');
  });
});
