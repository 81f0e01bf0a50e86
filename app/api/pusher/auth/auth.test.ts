import { createHmac } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { createApiKey, createTeam } from "@/lib/testing/factories";
import { sessionCookie } from "@/lib/testing/session";
import { POST } from "./route";

const post = (body: string, headers: Record<string, string>) =>
  POST(new Request("http://localhost:3000/api/pusher/auth", { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded", ...headers } }));

describe("/api/pusher/auth", () => {
  beforeEach(() => {
    Object.assign(process.env, { PUSHER_APP_ID: "app", PUSHER_KEY: "key", PUSHER_SECRET: "secret", PUSHER_HOST: "127.0.0.1", PUSHER_PORT: "6001" });
    resetEnvCache();
  });
  afterEach(() => {
    for (const k of ["PUSHER_APP_ID", "PUSHER_KEY", "PUSHER_SECRET", "PUSHER_HOST", "PUSHER_PORT"]) delete process.env[k];
    resetEnvCache();
  });

  it("signs the member's own org and user channels only", async () => {
    const { org, admin } = await createTeam();
    const other = await createTeam();
    const cookie = await sessionCookie(admin, org);
    const ok = await post(`socket_id=1.2&channel_name=private-org-${org.id}`, { cookie });
    expect(ok.status).toBe(200);
    const expected = createHmac("sha256", "secret").update(`1.2:private-org-${org.id}`).digest("hex");
    expect(((await ok.json()) as { auth: string }).auth).toBe(`key:${expected}`);

    expect((await post(`socket_id=1.2&channel_name=private-user-${admin.id}`, { cookie })).status).toBe(200);
    expect((await post(`socket_id=1.2&channel_name=private-org-${other.org.id}`, { cookie })).status).toBe(403);
    expect((await post(`socket_id=1.2&channel_name=private-user-${other.admin.id}`, { cookie })).status).toBe(403);
    expect((await post(`socket_id=bad&channel_name=private-org-${org.id}`, { cookie })).status).toBe(400);
  });

  it("signs presence with the user's id and refuses API keys on presence", async () => {
    const { org, admin } = await createTeam();
    const res = await post(`socket_id=3.4&channel_name=presence-org-${org.id}`, { cookie: await sessionCookie(admin, org) });
    const body = (await res.json()) as { channel_data: string };
    expect(JSON.parse(body.channel_data).user_id).toBe(String(admin.id));
    const key = await createApiKey(org);
    expect((await post(`socket_id=3.4&channel_name=presence-org-${org.id}`, { authorization: `Bearer ${key.secret}` })).status).toBe(403);
  });

  it("answers 401 without credentials", async () => {
    expect((await post("socket_id=1.2&channel_name=private-org-1", {})).status).toBe(401);
  });
});
