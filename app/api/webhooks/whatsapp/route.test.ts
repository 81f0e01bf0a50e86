import { desc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { processWebhookEvent } from "@/lib/services/whatsapp/webhook/process";
import { createWaAccount, messagesChange, payload, takeJobs, text } from "@/lib/services/whatsapp/webhook/test-fixtures";
import { createOrg } from "@/lib/testing/factories";
import { getDb, messages, webhookEvents } from "@/lib/testing/db";
import { signPayload } from "@/lib/whatsapp/signature";
import { GET, POST } from "./route";

const SECRET = "test-meta-app-secret-0123456789";
const URL_BASE = "http://localhost:3000/api/webhooks/whatsapp";

function post(body: string | Buffer, signature: string | null = signPayload(body, SECRET), headers: Record<string, string> = {}) {
  const h: Record<string, string> = { "content-type": "application/json", ...headers };
  if (signature !== null) h["x-hub-signature-256"] = signature;
  return POST(new Request(URL_BASE, { method: "POST", headers: h, body: typeof body === "string" ? body : new Uint8Array(body) }));
}

const events = () => getDb().select().from(webhookEvents).orderBy(desc(webhookEvents.id));

describe("GET /api/webhooks/whatsapp (subscription handshake)", () => {
  const get = (q: Record<string, string>) => GET(new Request(`${URL_BASE}?${new URLSearchParams(q)}`));

  it("echoes hub.challenge as text when the verify token matches", async () => {
    const res = await get({ "hub.mode": "subscribe", "hub.verify_token": "test-verify-token", "hub.challenge": "1158201444" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await res.text()).toBe("1158201444");
  });

  it("answers 403 to a wrong token, a wrong mode or nothing at all", async () => {
    const cases: Record<string, string>[] = [
      { "hub.mode": "subscribe", "hub.verify_token": "wrong-token", "hub.challenge": "1" },
      { "hub.mode": "unsubscribe", "hub.verify_token": "test-verify-token", "hub.challenge": "1" },
      {},
    ];
    for (const q of cases) {
      const res = await get(q);
      expect(res.status).toBe(403);
      expect((await res.json()).error.code).toBe("FORBIDDEN");
    }
  });
});

describe("POST /api/webhooks/whatsapp", () => {
  beforeEach(async () => {
    await takeJobs("whatsapp.webhook");
  });

  it("refuses a bad or missing signature with 401 and stores nothing", async () => {
    const before = (await events()).length;
    const body = JSON.stringify({ object: "whatsapp_business_account", entry: [] });
    for (const signature of [null, "sha256=deadbeef", signPayload(body, "another-secret-0123456789"), signPayload(body + " ", SECRET)]) {
      const res = await post(body, signature);
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe("UNAUTHENTICATED");
    }
    expect((await events()).length).toBe(before);
    expect(await takeJobs("whatsapp.webhook")).toEqual([]);
  });

  it("answers 400 to malformed JSON with a valid signature, storing nothing", async () => {
    const before = (await events()).length;
    const res = await post("{not json");
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe("VALIDATION_ERROR");
    expect((await events()).length).toBe(before);
  });

  it("stores a signed payload of unexpected shape as UNEXPECTED and acknowledges it", async () => {
    for (const body of [{ object: "page", entry: [] }, { object: "whatsapp_business_account" }, [1, 2], "just a string"]) {
      const res = await post(JSON.stringify(body));
      expect(res.status).toBe(200);
      const [row] = await events();
      expect(row.status).toBe("UNEXPECTED");
      expect(row.payload).toEqual(body);
    }
    expect(await takeJobs("whatsapp.webhook")).toEqual([]);
  });

  it("refuses bodies over 3 MB with 413 before anything else", async () => {
    const big = JSON.stringify({ object: "whatsapp_business_account", entry: [], pad: "x".repeat(3 * 1024 * 1024) });
    const res = await post(big);
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("accepts a large batch just under 3 MB", async () => {
    const org = await createOrg();
    const account = await createWaAccount(org);
    const from = "5215551112222";
    const many = Array.from({ length: 300 }, (_, i) => text(from, `${i} ${"y".repeat(9000)}`));
    const body = JSON.stringify(payload(account.wabaId, [messagesChange(account, { messages: many })]));
    expect(body.length).toBeGreaterThan(2.5 * 1024 * 1024);
    const res = await post(body);
    expect(res.status).toBe(200);
    const [{ eventId }] = await takeJobs<{ eventId: number }>("whatsapp.webhook");
    await processWebhookEvent(eventId);
    const rows = await getDb().select({ id: messages.id }).from(messages).where(eq(messages.whatsappAccountId, account.id));
    expect(rows).toHaveLength(300);
  });

  it("stores the raw event, enqueues it and answers 200 at once; the job then stores the message", async () => {
    const org = await createOrg();
    const account = await createWaAccount(org);
    const msg = text("5215550001111", "Hola, ¿tienen envío a Monterrey? 🚚");
    const body = JSON.stringify(payload(account.wabaId, [messagesChange(account, { messages: [msg] })]));
    const res = await post(body);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: true });

    const [row] = await events();
    expect(row.status).toBe("PENDING");
    expect(row.payload).toEqual(JSON.parse(body));
    const jobs = await takeJobs<{ eventId: number }>("whatsapp.webhook");
    expect(jobs).toEqual([{ eventId: row.id }]);

    await processWebhookEvent(row.id);
    const [stored] = await getDb().select().from(messages).where(eq(messages.providerMessageId, msg.id));
    expect(stored).toMatchObject({ orgId: org.id, body: "Hola, ¿tienen envío a Monterrey? 🚚", direction: "INBOUND", status: "RECEIVED" });
    const [done] = await getDb().select().from(webhookEvents).where(eq(webhookEvents.id, row.id));
    expect(done).toMatchObject({ status: "PROCESSED", orgId: org.id, attempts: 1 });
    expect(done.processedAt).toBeInstanceOf(Date);
  });

  it("keeps a payload whose strings hold NUL characters (which jsonb refuses) instead of failing", async () => {
    const body = '{"object":"whatsapp_business_account","entry":[],"note":"a\\u0000b"}';
    const res = await post(body);
    expect(res.status).toBe(200);
    const [row] = await events();
    expect(row.payload).toEqual({ object: "whatsapp_business_account", entry: [], note: "ab" });
  });
});
