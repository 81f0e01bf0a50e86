import { describe, expect, it } from "vitest";
import { createApiKey, createTeam, TEST_PASSWORD } from "@/lib/testing/factories";
import { call } from "@/lib/testing/http";
import { POST as loginRoute } from "../auth/login/route";
import { GET as meRoute } from "../auth/me/route";
import { DELETE as removeAvatarRoute, POST as uploadAvatarRoute } from "./avatar/route";
import { POST as changePasswordRoute } from "./change-password/route";
import { GET as getProfileRoute, PATCH as patchProfileRoute } from "./route";
import { PATCH as writingAssistRoute } from "./writing-assist/route";

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");

const avatarForm = (bytes: Buffer | string, type: string, filename = "me.png") => {
  const form = new FormData();
  form.append("avatar", new File([typeof bytes === "string" ? bytes : new Uint8Array(bytes)], filename, { type }));
  return form;
};

describe("profile", () => {
  it("reads and updates the caller's own profile", async () => {
    const { agent, agentToken } = await createTeam();
    const me = await call(getProfileRoute, { token: agentToken });
    expect(me.status).toBe(200);
    expect(me.json).toMatchObject({ id: String(agent.id), email: agent.email, role: "AGENT", avatarUrl: null, writingAssist: true });

    const patched = await call(patchProfileRoute, { token: agentToken, body: { name: "  Alan Turing ", locale: "en" } });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ name: "Alan Turing", locale: "en" });
    const onlyLocale = await call(patchProfileRoute, { token: agentToken, body: { locale: "es" } });
    expect(onlyLocale.json).toMatchObject({ name: "Alan Turing", locale: "es" });
  });

  it("rejects empty patches, unknown fields and bad values", async () => {
    const { agentToken } = await createTeam();
    expect((await call(patchProfileRoute, { token: agentToken, body: {} })).status).toBe(400);
    const unknown = await call(patchProfileRoute, { token: agentToken, body: { name: "X", email: "x@y.test" } });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.details).toContainEqual({ path: "email", message: expect.stringContaining("Unknown field") });
    const badLocale = await call(patchProfileRoute, { token: agentToken, body: { locale: "fr" } });
    expect(badLocale.status).toBe(400);
    expect(badLocale.json.error.details).toContainEqual(expect.objectContaining({ path: "locale" }));
  });

  it("needs a person: API keys are refused, no credentials is 401", async () => {
    const { org } = await createTeam();
    const { secret } = await createApiKey(org);
    expect((await call(getProfileRoute, { token: secret })).status).toBe(403);
    expect((await call(getProfileRoute)).status).toBe(401);
  });

  it("toggles writing assist", async () => {
    const { agentToken } = await createTeam();
    const off = await call(writingAssistRoute, { token: agentToken, body: { enabled: false } });
    expect(off.status).toBe(200);
    expect(off.json.writingAssist).toBe(false);
    expect((await call(getProfileRoute, { token: agentToken })).json.writingAssist).toBe(false);
    expect((await call(writingAssistRoute, { token: agentToken, body: { enabled: true } })).json.writingAssist).toBe(true);
    expect((await call(writingAssistRoute, { token: agentToken, body: { enabled: "yes" } })).status).toBe(400);
  });
});

describe("change-password", () => {
  it("needs the current password and a different new one", async () => {
    const { agentToken } = await createTeam();
    const wrong = await call(changePasswordRoute, { token: agentToken, body: { currentPassword: "not-it-at-all", newPassword: "new-password-1" } });
    expect(wrong.status).toBe(422);
    expect(wrong.json.error).toMatchObject({ code: "INVALID_CURRENT_PASSWORD", details: [{ path: "currentPassword", message: "is incorrect" }] });
    const same = await call(changePasswordRoute, { token: agentToken, body: { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD } });
    expect(same.status).toBe(400);
    expect(same.json.error.details).toContainEqual(expect.objectContaining({ path: "newPassword" }));
  });

  it("changes it, answers a fresh session and signs out the old tokens", async () => {
    const { agent, agentToken } = await createTeam();
    const res = await call(changePasswordRoute, { token: agentToken, body: { currentPassword: TEST_PASSWORD, newPassword: "new-password-1" } });
    expect(res.status).toBe(200);
    expect(res.json.user.id).toBe(String(agent.id));
    expect((await call(meRoute, { token: agentToken })).status).toBe(401);
    expect((await call(meRoute, { token: res.json.accessToken })).status).toBe(200);
    expect((await call(loginRoute, { body: { email: agent.email, password: TEST_PASSWORD } })).status).toBe(401);
    expect((await call(loginRoute, { body: { email: agent.email, password: "new-password-1" } })).status).toBe(200);
  });
});

describe("avatar", () => {
  it("stores a PNG, replaces and removes it", async () => {
    const { agentToken } = await createTeam();
    const first = await call(uploadAvatarRoute, { token: agentToken, form: avatarForm(PNG, "image/png") });
    expect(first.status).toBe(200);
    expect(first.json.avatarUrl).toMatch(/^\/api\/files\/\d+$/);
    const second = await call(uploadAvatarRoute, { token: agentToken, form: avatarForm(PNG, "image/png") });
    expect(second.status).toBe(200);
    expect(second.json.avatarUrl).not.toBe(first.json.avatarUrl);

    const removed = await call(removeAvatarRoute, { token: agentToken });
    expect(removed.status).toBe(200);
    expect(removed.json.avatarUrl).toBeNull();
    expect((await call(getProfileRoute, { token: agentToken })).json.avatarUrl).toBeNull();
  });

  it("refuses a missing file, a wrong type, a disguised file and an oversized one", async () => {
    const { agentToken } = await createTeam();
    const missing = await call(uploadAvatarRoute, { token: agentToken, form: new FormData() });
    expect(missing.status).toBe(400);
    expect(missing.json.error.details).toEqual([{ path: "avatar", message: "is required" }]);

    const declaredText = await call(uploadAvatarRoute, { token: agentToken, form: avatarForm("hello", "text/plain", "a.txt") });
    expect(declaredText.status).toBe(415);
    expect(declaredText.json.error.message).toContain("image/png, image/jpeg, image/webp, image/gif");

    const disguised = await call(uploadAvatarRoute, { token: agentToken, form: avatarForm("<script>alert(1)</script>", "image/png") });
    expect(disguised.status).toBe(415);
    expect(disguised.json.error.code).toBe("UNSUPPORTED_MEDIA_TYPE");

    const big = Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]);
    const tooBig = await call(uploadAvatarRoute, { token: agentToken, form: avatarForm(big, "image/png") });
    expect(tooBig.status).toBe(413);

    const json = await call(uploadAvatarRoute, { token: agentToken, body: { avatar: "x" } });
    expect(json.status).toBe(415);
    expect((await call(getProfileRoute, { token: agentToken })).json.avatarUrl).toBeNull();
  });
});
