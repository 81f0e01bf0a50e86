import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getBoss } from "@/lib/jobs/boss";
import { deliverMessage } from "@/lib/services/messages/send-worker";
import { createConversation, createFailed, createInbound, startGraphDouble } from "@/lib/services/messages/testing";
import { getDb, messages } from "@/lib/testing/db";
import { createTeam } from "@/lib/testing/factories";
import { call } from "@/lib/testing/http";
import { POST as discard } from "./[id]/discard/route";
import { POST as react } from "./[id]/react/route";
import { POST as retry } from "./[id]/retry-send/route";
import { POST as bulkDiscard } from "./failed/bulk-discard/route";
import { POST as bulkRetry } from "./failed/bulk-retry/route";
import { GET as list } from "./failed/route";
import { GET as stats } from "./failed/stats/route";

let sim: Awaited<ReturnType<typeof startGraphDouble>>;
let team: Awaited<ReturnType<typeof createTeam>>;
let other: Awaited<ReturnType<typeof createTeam>>;

beforeAll(async () => {
  sim = await startGraphDouble();
  team = await createTeam();
  other = await createTeam();
});
afterAll(() => sim.close());

const id = (n: number | string) => ({ id: String(n) });
const row = async (n: number | string) => (await getDb().select().from(messages).where(eq(messages.id, Number(n))))[0];
const queued = async () => (await (await getBoss()).fetch<{ messageId: number }>("whatsapp.send", { batchSize: 100 })).map((j) => j.data.messageId);

describe("GET /messages/failed and /stats", () => {
  it("lists the org's failed outbound messages with conversation and contact, filtered and paged; admins only", async () => {
    const { org, adminToken, agentToken } = await createTeam();
    const open = await createConversation(org, { waId: "5215511112222" });
    const a = await createFailed(open.conversation, { body: "Pedido listo", errorCode: 131026, errorTitle: "Message undeliverable", permanentFailure: true });
    const b = await createFailed(open.conversation, { type: "TEMPLATE", templateName: "promo", body: "Promo", failedAt: new Date(Date.now() - 3 * 86_400_000) });
    const gone = await createFailed(open.conversation, { discardedAt: new Date() });
    await createFailed((await createConversation(other.org)).conversation);

    const res = await call(list, { token: adminToken });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ page: 1, limit: 25, total: 2 });
    expect(res.json.data.map((m: { id: string }) => m.id)).toEqual([String(a.id), String(b.id)]);
    expect(res.json.data[0]).toMatchObject({
      status: "FAILED",
      error: { code: 131026, title: "Message undeliverable", permanent: true },
      discardedAt: null,
      conversation: { id: String(open.conversation.id), displayId: open.conversation.displayId },
      contact: { waId: "5215511112222" },
    });

    const q = async (query: Record<string, string>) => (await call(list, { token: adminToken, query })).json.data.map((m: { id: string }) => m.id);
    expect(await q({ permanent: "true" })).toEqual([String(a.id)]);
    expect(await q({ permanent: "false" })).toEqual([String(b.id)]);
    expect(await q({ templateName: "promo" })).toEqual([String(b.id)]);
    expect(await q({ search: "listo" })).toEqual([String(a.id)]);
    expect(await q({ search: "55111" })).toHaveLength(2);
    expect(await q({ status: "DISCARDED" })).toEqual([String(gone.id)]);
    expect(await q({ status: "all" })).toHaveLength(3);
    expect((await call(list, { token: adminToken, query: { page: "2", pageSize: "1" } })).json).toMatchObject({ page: 2, limit: 1, total: 2, data: [{ id: String(b.id) }] });
    expect((await call(list, { token: adminToken, query: { pageSize: "101" } })).status).toBe(400);
    expect((await call(list, { token: adminToken, query: { bogus: "1" } })).status).toBe(400);
    expect((await call(list, { token: agentToken })).status).toBe(403);

    const s = await call(stats, { token: adminToken });
    expect(s.json).toMatchObject({ total: 2, permanent: 1, retryable: 1, discarded: 1, last24h: 1, last7d: 2 });
    expect(s.json.byError).toEqual(
      expect.arrayContaining([
        { code: 131026, title: "Message undeliverable", count: 1, permanent: 1 },
        { code: 131000, title: "Something went wrong", count: 1, permanent: 0 },
      ]),
    );
  });
});

describe("retry-send and discard", () => {
  it("retries a failed message: PENDING again, queued, delivered by the worker", async () => {
    const { conversation } = await createConversation(team.org);
    const m = await createFailed(conversation, { retryCount: 3 });
    const res = await call(retry, { token: team.adminToken, params: id(m.id) });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id: String(m.id), status: "PENDING", error: null, failedAt: null, retryCount: 0 });
    expect(await queued()).toContain(m.id);
    await deliverMessage(m.id);
    expect(await row(m.id)).toMatchObject({ status: "SENT", providerMessageId: sim.state.sends.at(-1)!.wamid });

    const again = await call(retry, { token: team.adminToken, params: id(m.id) });
    expect(again.status).toBe(422);
    expect(again.json.error.code).toBe("NOT_FAILED");
  });

  it("refuses a free-form retry once the window closed (a template may still be retried)", async () => {
    const { conversation } = await createConversation(team.org, { lastCustomerAt: new Date(Date.now() - 30 * 3600_000) });
    const text = await createFailed(conversation);
    const res = await call(retry, { token: team.adminToken, params: id(text.id) });
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe("WINDOW_CLOSED");
    expect(await row(text.id)).toMatchObject({ status: "FAILED" });
    const template = await createFailed(conversation, { type: "TEMPLATE", templateName: "t" });
    expect((await call(retry, { token: team.adminToken, params: id(template.id) })).status).toBe(200);
  });

  it("discards a failed message once; a message that did not fail cannot be discarded or retried; other orgs get 404", async () => {
    const { conversation } = await createConversation(team.org);
    const m = await createFailed(conversation);
    const res = await call(discard, { token: team.adminToken, params: id(m.id) });
    expect(res.status).toBe(200);
    const at = res.json.discardedAt;
    expect(at).toEqual(expect.any(String));
    expect((await call(discard, { token: team.adminToken, params: id(m.id) })).json.discardedAt).toBe(at);
    expect((await call(retry, { token: team.adminToken, params: id(m.id) })).json.error.code).toBe("NOT_FAILED");

    const inbound = await createInbound(conversation);
    expect((await call(discard, { token: team.adminToken, params: id(inbound.id) })).status).toBe(404);
    const foreign = await createFailed((await createConversation(other.org)).conversation);
    for (const h of [retry, discard]) {
      const r = await call(h, { token: team.adminToken, params: id(foreign.id) });
      expect(r.status).toBe(404);
      expect(r.json.error.code).toBe("NOT_FOUND");
    }
    expect((await call(retry, { token: team.agentToken, params: id(m.id) })).status).toBe(403);
  });
});

describe("bulk-retry and bulk-discard", () => {
  it("retries a selection of ids and reports what could not be retried; other orgs' ids do not match", async () => {
    const { org, adminToken } = await createTeam();
    const open = await createConversation(org);
    const closed = await createConversation(org, { lastCustomerAt: null });
    const ok = await createFailed(open.conversation);
    const late = await createFailed(closed.conversation);
    const discarded = await createFailed(open.conversation, { discardedAt: new Date() });
    const foreign = await createFailed((await createConversation(other.org)).conversation);
    const res = await call(bulkRetry, { token: adminToken, body: { selection: { mode: "ids", ids: [ok.id, late.id, discarded.id, foreign.id] } } });
    expect(res.status).toBe(200);
    expect(res.json.matched).toBe(3);
    expect(res.json.succeeded).toBe(1);
    expect(res.json.failed).toEqual(
      expect.arrayContaining([
        { id: String(late.id), code: "WINDOW_CLOSED", message: expect.any(String) },
        { id: String(discarded.id), code: "NOT_FAILED", message: expect.any(String) },
      ]),
    );
    expect(await row(ok.id)).toMatchObject({ status: "PENDING" });
    expect(await row(foreign.id)).toMatchObject({ status: "FAILED" });

    const legacy = await createFailed(open.conversation);
    expect((await call(bulkRetry, { token: adminToken, body: { messageIds: [String(legacy.id)] } })).json).toMatchObject({ matched: 1, succeeded: 1, failed: [] });
    expect((await call(bulkRetry, { token: adminToken, body: {} })).status).toBe(400);
  });

  it("discards everything a filter matches, except excluded ids", async () => {
    const { org, adminToken } = await createTeam();
    const { conversation } = await createConversation(org);
    const p1 = await createFailed(conversation, { permanentFailure: true });
    const p2 = await createFailed(conversation, { permanentFailure: true });
    const keep = await createFailed(conversation, { permanentFailure: false });
    const res = await call(bulkDiscard, { token: adminToken, body: { selection: { mode: "all", filters: { permanent: true }, excludeIds: [String(p2.id)] } } });
    expect(res.json).toEqual({ matched: 1, succeeded: 1, failed: [] });
    expect((await row(p1.id)).discardedAt).toBeInstanceOf(Date);
    expect((await row(p2.id)).discardedAt).toBeNull();
    expect((await row(keep.id)).discardedAt).toBeNull();
    const ids = await call(bulkDiscard, { token: adminToken, body: { selection: { mode: "ids", ids: [p1.id, keep.id] } } });
    expect(ids.json).toMatchObject({ matched: 2, succeeded: 1, failed: [{ id: String(p1.id), code: "NOT_FAILED" }] });
  });
});

describe("POST /messages/{id}/react", () => {
  it("reacts to a message of the org through the outbound path; 404 for another org's message", async () => {
    const { conversation, contact } = await createConversation(team.org);
    const inbound = await createInbound(conversation);
    const res = await call(react, { token: team.agentToken, params: id(inbound.id), body: { emoji: "❤️" } });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ type: "REACTION", body: "❤️", status: "PENDING", senderType: "AGENT" });
    await deliverMessage(Number(res.json.id));
    expect(sim.state.sends.at(-1)!.message).toEqual({ recipient_type: "individual", to: contact.waId, type: "reaction", reaction: { message_id: inbound.providerMessageId, emoji: "❤️" } });

    const foreign = await createInbound((await createConversation(other.org)).conversation);
    const r = await call(react, { token: team.agentToken, params: id(foreign.id), body: { emoji: "👍" } });
    expect(r.status).toBe(404);
  });
});
