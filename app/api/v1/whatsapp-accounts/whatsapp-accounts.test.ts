import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { decryptSecret, maskSecret } from "@/lib/crypto/secrets";
import { resetEnvCache } from "@/lib/env";
import { createAlert, createWhatsappAccount } from "@/lib/testing/account-factories";
import { accountAlerts, getDb, whatsappAccounts } from "@/lib/testing/db";
import { createTeam } from "@/lib/testing/factories";
import { call } from "@/lib/testing/http";
import { auditOf } from "@/lib/testing/inspect";
import { withGraphDouble } from "@/lib/testing/graph-double";
import { PATCH as patchAccount, DELETE as deleteAccount } from "./[id]/route";
import { GET as health } from "./[id]/health/route";
import { POST as acknowledgeAll } from "./alerts/acknowledge-all/route";
import { POST as acknowledge } from "./alerts/[id]/acknowledge/route";
import { GET as listAlerts } from "./alerts/route";
import { GET as unreadCount } from "./alerts/unread-count/route";
import { POST as connectManual } from "./connect-manual/route";
import { POST as connect } from "./connect/route";
import { GET as getMetaConfig, PUT as putMetaConfig } from "./meta-config/route";
import { GET as listAccounts } from "./route";

const TOKEN = "EAAGgoodtoken0123456789abcdefghij";
let seq = 100000;
const ids = () => ({ wabaId: String(++seq * 1000 + 1), phoneNumberId: String(++seq * 1000 + 2) });
const accountRow = async (id: string | number) => (await getDb().select().from(whatsappAccounts).where(eq(whatsappAccounts.id, Number(id))))[0];
const withAppId = async <T>(appId: string | undefined, fn: () => Promise<T>) => {
  const before = process.env.META_APP_ID;
  if (appId) process.env.META_APP_ID = appId;
  else delete process.env.META_APP_ID;
  resetEnvCache();
  try {
    return await fn();
  } finally {
    if (before) process.env.META_APP_ID = before;
    else delete process.env.META_APP_ID;
    resetEnvCache();
  }
};

const double = withGraphDouble({
    // Tokens starting with "bad" are refused like Meta refuses an expired or revoked one.
    authorize: (token) => (token.startsWith("bad") ? "invalid_token" : "ok"),
    number: () => ({ displayPhoneNumber: "+52 55 1111 2222", verifiedName: "Café Central" }),
  });

describe("GET /whatsapp-accounts", () => {
  it("gives an org without numbers its sandbox number once; tokens never leave, only masked; agents may list", async () => {
    const { org, agentToken, adminToken } = await createTeam();
    const first = await call(listAccounts, { token: agentToken });
    expect(first.status).toBe(200);
    expect(first.json.data).toHaveLength(1);
    const [sandbox] = first.json.data;
    expect(sandbox).toMatchObject({ isSandbox: true, status: "CONNECTED", alias: "Sandbox", verifiedName: org.name });
    expect(sandbox.tokenMasked).toMatch(/^sand•+/);
    expect(JSON.stringify(first.json)).not.toMatch(/accessToken|EncryptedToken|access_token/i);
    const again = await call(listAccounts, { token: adminToken });
    expect(again.json.data.map((a: { id: string }) => a.id)).toEqual([sandbox.id]);
  });
});

describe("POST /whatsapp-accounts/connect-manual", () => {
  it("verifies the token at the Graph API, stores it encrypted and answers it masked", async () => {
    const { org, adminToken } = await createTeam();
    const n = ids();
    const res = await call(connectManual, { token: adminToken, body: { ...n, accessToken: TOKEN, alias: "Ventas" } });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ ...n, alias: "Ventas", isSandbox: false, status: "CONNECTED", displayPhoneNumber: "+52 55 1111 2222", verifiedName: "Café Central", qualityRating: "GREEN", messagingLimitTier: "TIER_UNLIMITED", throughputMps: 80 });
    expect(res.json.tokenMasked).toBe(maskSecret(TOKEN));
    expect(res.text).not.toContain(TOKEN);
    expect(double.sim.requests.some((r) => r.method === "GET" && r.path === `/${n.phoneNumberId}`)).toBe(true);

    const row = await accountRow(res.json.id);
    expect(row.orgId).toBe(org.id);
    expect(row.accessTokenEncrypted).not.toContain(TOKEN);
    expect(decryptSecret(row.accessTokenEncrypted)).toBe(TOKEN);
    expect(await auditOf(org.id, "whatsapp.account_connected")).toHaveLength(1);

    // An org with a connected real number is not given a sandbox number.
    const list = await call(listAccounts, { token: adminToken });
    expect(list.json.data.map((a: { id: string }) => a.id)).toEqual([res.json.id]);
  });

  it("answers 422 META_REJECTED with Meta's message when the token is refused, and stores nothing", async () => {
    const { org, adminToken } = await createTeam();
    const res = await call(connectManual, { token: adminToken, body: { ...ids(), accessToken: "bad-token-0123456789abcdef" } });
    expect(res.status).toBe(422);
    expect(res.json.error).toMatchObject({ code: "META_REJECTED", message: "Invalid OAuth access token - Cannot parse access token" });
    expect(res.json.error.details[0]).toMatchObject({ path: "meta", message: expect.stringContaining("code 190") });
    expect(await getDb().select().from(whatsappAccounts).where(eq(whatsappAccounts.orgId, org.id))).toEqual([]);
  });

  it("refuses a phone number already connected, here or in another org (409), and bad ids (400); agents 403", async () => {
    const a = await createTeam();
    const b = await createTeam();
    const n = ids();
    expect((await call(connectManual, { token: a.adminToken, body: { ...n, accessToken: TOKEN } })).status).toBe(201);
    const same = await call(connectManual, { token: a.adminToken, body: { ...n, accessToken: TOKEN } });
    expect(same.status).toBe(409);
    expect(same.json.error.message).toBe("This phone number is already connected");
    const other = await call(connectManual, { token: b.adminToken, body: { ...n, accessToken: TOKEN } });
    expect(other.status).toBe(409);
    const bad = await call(connectManual, { token: a.adminToken, body: { wabaId: "waba", phoneNumberId: "1", accessToken: "short" } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details.map((d: { path: string }) => d.path).sort()).toEqual(["accessToken", "phoneNumberId", "wabaId"]);
    expect((await call(connectManual, { token: a.agentToken, body: { ...ids(), accessToken: TOKEN } })).status).toBe(403);
  });
});

describe("POST /whatsapp-accounts/connect (Embedded Signup)", () => {
  it("answers 503 NOT_CONFIGURED without META_APP_ID", async () => {
    const { adminToken } = await createTeam();
    const res = await withAppId(undefined, () => call(connect, { token: adminToken, body: { code: "abc", ...ids() } }));
    expect(res.status).toBe(503);
    expect(res.json.error.code).toBe("NOT_CONFIGURED");
  });

  it("exchanges the code for a business token and connects the shared number", async () => {
    const { adminToken } = await createTeam();
    const n = ids();
    const res = await withAppId("1234567890", () => call(connect, { token: adminToken, body: { code: "signup-code", ...n } }));
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ ...n, status: "CONNECTED", verifiedName: "Café Central" });
    expect(decryptSecret((await accountRow(res.json.id)).accessTokenEncrypted)).toBe("SIM-signup-code-token");
    const exchange = double.sim.requests.find((r) => r.path === "/oauth/access_token" && r.query.code === "signup-code");
    expect(exchange?.query).toMatchObject({ client_id: "1234567890" });
  });

  it("answers 422 META_REJECTED when Meta refuses the code", async () => {
    const { adminToken } = await createTeam();
    double.sim.failNext({ code: 100, message: "Invalid verification code format.", status: 400, match: (c) => c.path === "/oauth/access_token" });
    const res = await withAppId("1234567890", () => call(connect, { token: adminToken, body: { code: "stale", ...ids() } }));
    expect(res.status).toBe(422);
    expect(res.json.error).toMatchObject({ code: "META_REJECTED", message: "Invalid verification code format." });
  });
});

describe("PATCH and DELETE /whatsapp-accounts/{id}", () => {
  it("renames, and replaces the token only after Meta accepts the new one", async () => {
    const { org, adminToken } = await createTeam();
    const account = await createWhatsappAccount(org, { token: TOKEN });
    const renamed = await call(patchAccount, { token: adminToken, params: { id: String(account.id) }, body: { alias: "Soporte" } });
    expect(renamed.status).toBe(200);
    expect(renamed.json.alias).toBe("Soporte");

    const refused = await call(patchAccount, { token: adminToken, params: { id: String(account.id) }, body: { accessToken: "bad-new-token-0123456789" } });
    expect(refused.status).toBe(422);
    expect(decryptSecret((await accountRow(account.id)).accessTokenEncrypted)).toBe(TOKEN);

    const newToken = "EAAGnewtoken9876543210zyxwvu";
    const replaced = await call(patchAccount, { token: adminToken, params: { id: String(account.id) }, body: { accessToken: newToken } });
    expect(replaced.status).toBe(200);
    expect(replaced.json.tokenMasked).toBe(maskSecret(newToken));
    expect(decryptSecret((await accountRow(account.id)).accessTokenEncrypted)).toBe(newToken);

    expect((await call(patchAccount, { token: adminToken, params: { id: String(account.id) }, body: {} })).status).toBe(400);
  });

  it("soft-deletes a real number; the sandbox can be neither deleted nor given a token (422 SANDBOX_ACCOUNT)", async () => {
    const { org, adminToken } = await createTeam();
    const [sandbox] = (await call(listAccounts, { token: adminToken })).json.data;
    const account = await createWhatsappAccount(org);
    const del = await call(deleteAccount, { token: adminToken, params: { id: String(account.id) } });
    expect(del.status).toBe(204);
    expect((await accountRow(account.id)).deletedAt).not.toBeNull();
    expect((await call(listAccounts, { token: adminToken })).json.data.map((a: { id: string }) => a.id)).toEqual([sandbox.id]);
    expect((await call(deleteAccount, { token: adminToken, params: { id: String(account.id) } })).status).toBe(404);

    const delSandbox = await call(deleteAccount, { token: adminToken, params: { id: sandbox.id } });
    expect(delSandbox.status).toBe(422);
    expect(delSandbox.json.error.code).toBe("SANDBOX_ACCOUNT");
    const tokenSandbox = await call(patchAccount, { token: adminToken, params: { id: sandbox.id }, body: { accessToken: TOKEN } });
    expect(tokenSandbox.json.error.code).toBe("SANDBOX_ACCOUNT");
  });
});

describe("GET /whatsapp-accounts/{id}/health", () => {
  it("reads the number live and records what it learns", async () => {
    const { org, adminToken } = await createTeam();
    const account = await createWhatsappAccount(org, { qualityRating: null, messagingLimitTier: null, lastError: "old problem" });
    const res = await call(health, { token: adminToken, params: { id: String(account.id) } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      accountId: String(account.id),
      status: "CONNECTED",
      qualityRating: "GREEN",
      messagingLimitTier: "TIER_UNLIMITED",
      throughputLevel: "STANDARD",
      throughputMps: 80,
      nameStatus: "APPROVED",
      numberStatus: "CONNECTED",
      platformType: "CLOUD_API",
      error: null,
    });
    const row = await accountRow(account.id);
    expect(row).toMatchObject({ qualityRating: "GREEN", messagingLimitTier: "TIER_UNLIMITED", lastError: null, status: "CONNECTED" });
    expect(row.lastHealthAt).not.toBeNull();
  });

  it("answers 200 with status ERROR when Meta refuses the token, marks the account and raises one alert", async () => {
    const { org, adminToken } = await createTeam();
    const account = await createWhatsappAccount(org, { token: "bad-expired-token-0123456789" });
    for (let i = 0; i < 2; i++) {
      const res = await call(health, { token: adminToken, params: { id: String(account.id) } });
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ status: "ERROR", error: { code: 190, message: expect.stringContaining("Invalid OAuth access token") } });
    }
    expect(await accountRow(account.id)).toMatchObject({ status: "ERROR", lastError: expect.stringContaining("Invalid OAuth") });
    const alerts = await getDb().select().from(accountAlerts).where(eq(accountAlerts.orgId, org.id));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ type: "TOKEN_INVALID", severity: "critical", whatsappAccountId: account.id });
    expect((await call(unreadCount, { token: adminToken })).json).toEqual({ count: 1 });
  });
});

describe("/whatsapp-accounts/meta-config", () => {
  it("is empty until saved; Embedded Signup is offered only with the org's app and META_APP_ID", async () => {
    const { adminToken, agentToken } = await createTeam();
    expect((await call(getMetaConfig, { token: adminToken })).json).toMatchObject({ appId: null, configId: null, embeddedSignupAvailable: false });
    const put = await call(putMetaConfig, { token: adminToken, body: { appId: "1234567890123", configId: "998877665544" } });
    expect(put.status).toBe(200);
    expect(put.json).toMatchObject({ appId: "1234567890123", configId: "998877665544", serverConfigured: false, embeddedSignupAvailable: false });
    const withApp = await withAppId("1234567890123", () => call(getMetaConfig, { token: adminToken }));
    expect(withApp.json).toMatchObject({ serverConfigured: true, embeddedSignupAvailable: true });
    await call(putMetaConfig, { token: adminToken, body: { appId: "1234567890123", configId: "111122223333" } });
    expect((await call(getMetaConfig, { token: adminToken })).json.configId).toBe("111122223333");
    expect((await call(putMetaConfig, { token: adminToken, body: { appId: "my app", configId: "" } })).status).toBe(400);
    expect((await call(getMetaConfig, { token: agentToken })).status).toBe(403);
  });
});

describe("/whatsapp-accounts/alerts", () => {
  it("lists, counts and acknowledges alerts of the org only", async () => {
    const { org, admin, adminToken } = await createTeam();
    const other = await createTeam();
    const old = await createAlert(org, { type: "QUALITY_DOWNGRADE", createdAt: new Date(Date.now() - 60_000) });
    const recent = await createAlert(org);
    const foreign = await createAlert(other.org);

    const all = await call(listAlerts, { token: adminToken });
    expect(all.json).toMatchObject({ total: 2, page: 1 });
    expect(all.json.data.map((a: { id: string }) => a.id)).toEqual([String(recent.id), String(old.id)]);
    expect((await call(unreadCount, { token: adminToken })).json.count).toBe(2);

    const ack = await call(acknowledge, { token: adminToken, params: { id: String(old.id) } });
    expect(ack.status).toBe(200);
    expect(ack.json).toMatchObject({ id: String(old.id), acknowledgedById: String(admin.id) });
    expect(ack.json.acknowledgedAt).not.toBeNull();
    expect((await call(listAlerts, { token: adminToken, query: { acknowledged: "false" } })).json.data.map((a: { id: string }) => a.id)).toEqual([String(recent.id)]);
    expect((await call(listAlerts, { token: adminToken, query: { acknowledged: "true" } })).json.data.map((a: { id: string }) => a.id)).toEqual([String(old.id)]);
    expect((await call(listAlerts, { token: adminToken, query: { acknowledged: "maybe" } })).status).toBe(400);
    expect((await call(acknowledge, { token: adminToken, params: { id: String(foreign.id) } })).status).toBe(404);

    const allAck = await call(acknowledgeAll, { token: adminToken });
    expect(allAck.json).toEqual({ acknowledged: 1 });
    expect((await call(unreadCount, { token: adminToken })).json.count).toBe(0);
    expect((await call(unreadCount, { token: other.adminToken })).json.count).toBe(1);
    const [foreignRow] = await getDb().select().from(accountAlerts).where(and(eq(accountAlerts.id, foreign.id)));
    expect(foreignRow.acknowledgedAt).toBeNull();
  });
});
