import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { RouteHandler } from "@/lib/api/route";
import { createTeam, createUser, tokenFor } from "@/lib/testing/factories";
import { call } from "@/lib/testing/http";
import { TENANT_RESOURCES } from "@/lib/testing/tenant-resources";
import type { Contract } from "./contract";
import { CONTRACTS } from "./registry";

const ROOT = path.resolve(import.meta.dirname, "../../app/api/v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function routeFiles(dir = ROOT): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? routeFiles(path.join(dir, e.name)) : e.name === "route.ts" ? [path.join(dir, e.name)] : [],
  );
}

const apiPathOf = (file: string) =>
  "/" + path.relative(ROOT, path.dirname(file)).split(path.sep).map((seg) => seg.replace(/^\[(\w+)\]$/, "{$1}")).join("/");

const handlers = new Map<string, RouteHandler>();
const key = (c: Pick<Contract, "method" | "path">) => `${c.method} ${c.path}`;

beforeAll(async () => {
  for (const file of routeFiles()) {
    const mod = (await import(file)) as Record<string, RouteHandler>;
    for (const m of METHODS) if (mod[m]) handlers.set(`${m} ${apiPathOf(file)}`, mod[m]);
  }
});

describe("contract ↔ route parity", () => {
  it("every route export is the contract of its own path and method", () => {
    for (const [k, handler] of handlers) {
      expect(handler.contract, `${k} is not built with route(contract, ...)`).toBeDefined();
      expect(key(handler.contract), `${k} exports the contract of another operation`).toBe(k);
    }
  });
  it("every contract has a route file exporting its method", () => {
    const missing = CONTRACTS.filter((c) => !handlers.has(key(c))).map(key);
    expect(missing).toEqual([]);
  });
  it("contract keys are unique and every {id} names its tenant resource", () => {
    const keys = CONTRACTS.map(key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const c of CONTRACTS) {
      if (c.access !== "public" && /\{id\}/.test(c.path)) {
        expect(c.tenantResource, `${key(c)} needs tenantResource`).toBeDefined();
        expect(TENANT_RESOURCES[c.tenantResource!], `no factory for tenant resource "${c.tenantResource}"`).toBeDefined();
      }
    }
  });
});

/** A multipart request whose file field holds a few bytes: enough to get past the wrapper to the tenant lookup. */
function formWithFile(field: string) {
  const form = new FormData();
  form.set(field, new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])], { type: "image/png" }), "x.png");
  return form;
}

const guarded = CONTRACTS.filter((c) => c.access !== "public");
const fakeParams = (c: Contract) => Object.fromEntries([...c.path.matchAll(/\{(\w+)\}/g)].map(([, n]) => [n, "999999"]));

describe("generated checks", () => {
  let team: Awaited<ReturnType<typeof createTeam>>;
  let other: Awaited<ReturnType<typeof createTeam>>;
  let superToken: string;
  beforeAll(async () => {
    team = await createTeam();
    other = await createTeam();
    const su = await createUser({ org: team.org, role: "ADMIN", superAdmin: true });
    superToken = await tokenFor(su, team.org);
  });

  it.each(guarded.map((c) => [key(c), c] as const))("%s answers 401 without credentials", async (_k, c) => {
    const res = await call(handlers.get(key(c))!, { params: fakeParams(c), body: c.body ? (c.example ?? {}) : undefined });
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe("UNAUTHENTICATED");
  });

  const withBody = CONTRACTS.filter((c) => c.body);
  it.each(withBody.map((c) => [key(c), c] as const))("%s answers 400 for unknown fields and malformed JSON", async (_k, c) => {
    const h = handlers.get(key(c))!;
    const token = c.access === "public" ? undefined : superToken;
    const unknown = await call(h, { params: fakeParams(c), token, body: { __unexpected__: true } });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.code).toBe("VALIDATION_ERROR");
    expect(unknown.json.error.details?.length).toBeGreaterThan(0);
    const malformed = await call(h, { params: fakeParams(c), token, raw: "{oops" });
    expect(malformed.status).toBe(400);
  });

  const multipart = CONTRACTS.filter((c) => c.multipart);
  it.each(multipart.map((c) => [key(c), c] as const))("%s answers 415 to a JSON body", async (_k, c) => {
    const res = await call(handlers.get(key(c))!, { params: fakeParams(c), token: superToken, body: {} });
    expect(res.status).toBe(415);
  });

  const tenantScoped = guarded.filter((c) => c.tenantResource);
  it.each(tenantScoped.map((c) => [key(c), c] as const))("%s answers 404 for another organization's id", async (_k, c) => {
    const foreignId = await TENANT_RESOURCES[c.tenantResource!](other.org);
    const res = await call(handlers.get(key(c))!, {
      params: { ...fakeParams(c), id: String(foreignId) },
      token: team.adminToken,
      body: c.body ? (c.example ?? {}) : undefined,
      form: c.multipart ? formWithFile(c.multipart.field) : undefined,
    });
    expect(res.status, JSON.stringify(res.json)).toBe(404);
    expect(res.json.error.code).toBe("NOT_FOUND");
  });
});
