import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { desc } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb, webhookEvents } from "@/lib/testing/db";
import { signPayload } from "@/lib/whatsapp/signature";
import { handleWebhookPost, isWebhookPost } from "./node-handler";
import { settleWakeups, WEBHOOK_MAX_BYTES } from "./receive";

const SECRET = "test-meta-app-secret-0123456789";
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => (isWebhookPost(req) ? void handleWebhookPost(req, res) : res.writeHead(404).end()));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/webhooks/whatsapp`;
});
afterAll(async () => {
  await settleWakeups();
  await new Promise((resolve) => server.close(resolve));
});

const post = (body: string, signature: string | null = signPayload(body, SECRET)) =>
  fetch(base, { method: "POST", headers: { "content-type": "application/json", ...(signature ? { "x-hub-signature-256": signature } : {}) }, body });
const latest = async () => (await getDb().select().from(webhookEvents).orderBy(desc(webhookEvents.id)).limit(1))[0];

describe("the production server's webhook fast path", () => {
  it("stores a signed delivery and answers 200 like the route does", async () => {
    const body = JSON.stringify({ object: "whatsapp_business_account", entry: [{ id: "waba-fast", changes: [] }] });
    const res = await post(body);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: true });
    expect((await latest()).payload).toEqual(JSON.parse(body));
  });

  it("refuses a bad signature (401, nothing stored) and an oversized body (413), in the API's error envelope", async () => {
    const before = (await latest())?.id ?? 0;
    const bad = await post(JSON.stringify({ object: "whatsapp_business_account", entry: [] }), "sha256=deadbeef");
    expect(bad.status).toBe(401);
    expect((await bad.json()).error.code).toBe("UNAUTHENTICATED");
    const huge = await post(`{"x":"${"a".repeat(WEBHOOK_MAX_BYTES)}"}`, null);
    expect(huge.status).toBe(413);
    expect((await huge.json()).error.code).toBe("PAYLOAD_TOO_LARGE");
    expect((await latest())?.id ?? 0).toBe(before);
  });
});
