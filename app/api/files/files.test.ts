import { readdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DELETE as removeAvatarRoute, POST as uploadAvatarRoute } from "@/app/api/v1/profile/avatar/route";
import { env } from "@/lib/env";
import { storeFile } from "@/lib/services/files/store";
import { storage } from "@/lib/storage";
import { addMembership, createApiKey, createTeam, createUser, ctxFor, tokenFor } from "@/lib/testing/factories";
import { call } from "@/lib/testing/http";
import { GET as fileRoute } from "./[id]/route";

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");

async function getFile(id: string, token?: string) {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const res = await fileRoute(new Request(`http://localhost:3000/api/files/${id}`, { headers }), { params: Promise.resolve({ id }) });
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}

async function uploadAvatar(token: string) {
  const form = new FormData();
  form.append("avatar", new File([new Uint8Array(PNG)], "me.png", { type: "image/png" }));
  const res = await call(uploadAvatarRoute, { token, form });
  expect(res.status).toBe(200);
  return (res.json.avatarUrl as string).split("/").pop()!;
}

describe("GET /api/files/{id}", () => {
  it("serves an avatar to members of the owning org only", async () => {
    const { org, agentToken, adminToken } = await createTeam();
    const id = await uploadAvatar(agentToken);

    const res = await getFile(id, adminToken);
    expect(res.status).toBe(200);
    expect(res.body.equals(PNG)).toBe(true);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("cache-control")).toBe("private, max-age=300");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-disposition")).toMatch(/^inline/);
    expect((await getFile(id, (await createApiKey(org, "AGENT")).secret)).status).toBe(200);

    const other = await createTeam();
    const foreign = await getFile(id, other.adminToken);
    expect(foreign.status).toBe(404);
    expect(JSON.parse(foreign.body.toString())).toEqual({ error: { code: "NOT_FOUND", message: "File not found" } });
    expect((await getFile(id)).status).toBe(404);
    expect((await getFile("abc", adminToken)).status).toBe(404);
    expect((await getFile("999999999", adminToken)).status).toBe(404);
  });

  it("keeps to the org the file was stored in, even for a user in both orgs", async () => {
    const a = await createTeam();
    const b = await createTeam();
    const id = await uploadAvatar(a.agentToken);
    const both = await createUser({ org: a.org });
    await addMembership(b.org, both, "ADMIN");
    expect((await getFile(id, await tokenFor(both, a.org))).status).toBe(200);
    expect((await getFile(id, await tokenFor(both, b.org))).status).toBe(404);
  });

  it("deletes the replaced and removed avatars, row and object", async () => {
    const { org, agentToken, adminToken } = await createTeam();
    // Tests store on local disk: the org's avatar folder shows which objects are left.
    const objects = () => readdir(path.resolve(env().DATA_DIR, "uploads", String(org.id), "avatar")).catch(() => []);
    const first = await uploadAvatar(agentToken);
    const second = await uploadAvatar(agentToken);
    expect((await getFile(first, adminToken)).status).toBe(404);
    expect((await getFile(second, adminToken)).status).toBe(200);
    expect(await objects()).toHaveLength(1);
    expect((await call(removeAvatarRoute, { token: agentToken })).status).toBe(200);
    expect((await getFile(second, adminToken)).status).toBe(404);
    expect(await objects()).toHaveLength(0);
  });

  it("downloads anything that is not an image as an attachment", async () => {
    const { org, admin, adminToken } = await createTeam();
    const ctx = await ctxFor(admin, org);
    const file = await storeFile(ctx, { buffer: Buffer.from("a,b\n1,2\n"), contentType: "text/csv", originalName: "report é.csv", purpose: "export" });
    expect(file.storageKey).toMatch(new RegExp(`^${org.id}/export/[0-9a-f-]{36}$`));
    expect(await storage().get(file.storageKey)).not.toBeNull();
    const res = await getFile(String(file.id), adminToken);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv");
    expect(res.headers.get("content-disposition")).toBe("attachment; filename*=UTF-8''report%20%C3%A9.csv");
  });
});
