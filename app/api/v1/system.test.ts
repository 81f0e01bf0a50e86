import { describe, expect, it } from "vitest";
import { call } from "@/lib/testing/http";
import { GET as health } from "./health/route";
import { GET as openapi } from "./openapi.json/route";
import { GET as ready } from "./ready/route";

describe("system endpoints", () => {
  it("health answers without touching anything", async () => {
    const res = await call(health);
    expect(res.status).toBe(200);
    expect(res.json.status).toBe("ok");
  });

  it("ready checks the database and the job queue", async () => {
    const res = await call(ready);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ status: "ready", checks: { database: "ok", jobs: "ok" } });
  });

  it("serves an OpenAPI 3.1 document generated from the contracts", async () => {
    const res = await call(openapi);
    expect(res.json.openapi).toBe("3.1.0");
    const login = res.json.paths["/auth/login"].post;
    expect(login.security).toEqual([]);
    expect(login.requestBody.content["application/json"].schema.required).toEqual(expect.arrayContaining(["email", "password"]));
    expect(res.json.paths["/users/{id}"].patch.security.length).toBeGreaterThan(0);
    expect(res.json.paths["/profile/avatar"].post.requestBody.content["multipart/form-data"]).toBeDefined();
  });
});
