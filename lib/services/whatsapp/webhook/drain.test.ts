import { and, asc, eq, inArray } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getBoss } from "@/lib/jobs/boss";
import { createOrg } from "@/lib/testing/factories";
import { contacts, conversations, getDb, messages, pendingStatuses, webhookEvents } from "@/lib/testing/db";
import { signPayload } from "@/lib/whatsapp/signature";
import { drainWebhookEvents, runWebhookJob } from "./drain";
import { receiveWebhook } from "./receive";
import { createWaAccount, customer, deliver, inbound, messagesChange, payload, status, takeJobs, text, unixNow } from "./test-fixtures";

type Account = Awaited<ReturnType<typeof createWaAccount>>;
let org: Awaited<ReturnType<typeof createOrg>>;
let account: Account;

beforeAll(async () => {
  org = await createOrg();
  account = await createWaAccount(org);
});
beforeEach(async () => {
  await takeJobs("whatsapp.webhook");
  await takeJobs("whatsapp.media");
});

/** Stores one-message webhooks as PENDING events, the way Meta sends them under load. */
const store = (bodies: unknown[]) => Promise.all(bodies.map((b) => deliver(b, false)));
const oneMessage = (m: ReturnType<typeof text>, to: Account = account) => payload(to.wabaId, [messagesChange(to, { messages: [m] })]);
/** Passes the receiving checks but cannot be stored: a message without a sender. */
function withoutSender(body: ReturnType<typeof payload>) {
  const value = body.entry[0].changes[0].value as { messages: { from?: string }[] };
  delete value.messages[0].from;
  return body;
}
const eventsById = async (ids: number[]) =>
  new Map((await getDb().select().from(webhookEvents).where(inArray(webhookEvents.id, ids))).map((e) => [e.id, e]));
const conversationsOf = async (waId: string) =>
  getDb()
    .select({ c: conversations })
    .from(conversations)
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .where(and(eq(contacts.orgId, org.id), eq(contacts.waId, waId)))
    .orderBy(asc(conversations.id))
    .then((rows) => rows.map((r) => r.c));

describe("draining pending webhook events in batches", () => {
  it("stores a burst of one-message webhooks from several customers: one conversation each, replays ignored", async () => {
    const customers = Array.from({ length: 5 }, () => customer());
    const msgs = customers.flatMap((from) => [text(from, "hola"), inbound(from, "image", { image: { id: `img-${from}` } }), text(from, "¿siguen ahí?")]);
    const ids = await store([...msgs, ...msgs.slice(0, 4)].map((m) => oneMessage(m)));

    expect(await drainWebhookEvents()).toBe(ids.length);
    for (const from of customers) {
      const convs = await conversationsOf(from);
      expect(convs).toHaveLength(1);
      expect(convs[0]).toMatchObject({ status: "OPEN", unreadCount: 3, lastMessageDirection: "INBOUND" });
      expect(await getDb().select().from(messages).where(eq(messages.conversationId, convs[0].id))).toHaveLength(3);
    }
    const events = await eventsById(ids);
    for (const id of ids) expect(events.get(id)).toMatchObject({ status: "PROCESSED", orgId: org.id, attempts: 1, error: null });
    expect(await takeJobs("whatsapp.media")).toHaveLength(5);
    expect(await drainWebhookEvents()).toBe(0);
  });

  it("settles each event on its own: unknown numbers, broken parts and a poison event do not fail their neighbours", async () => {
    const from = customer();
    const good = [text(from, "uno"), text(from, "dos")];
    const ghost = { phoneNumberId: "pn-nobody", displayPhoneNumber: "+1 555 000 0000" };
    const [a, b, unknown, poison, broken] = await store([
      oneMessage(good[0]),
      oneMessage(good[1]),
      payload("waba-nobody", [messagesChange(ghost, { messages: [text(customer(), "¿hola?")] })]),
      withoutSender(oneMessage(text(from, "sin remitente"))),
      { object: "whatsapp_business_account", entry: [{ id: "x", changes: 5 }] },
    ]);

    await drainWebhookEvents();
    const events = await eventsById([a, b, unknown, poison, broken]);
    expect(events.get(a)).toMatchObject({ status: "PROCESSED", attempts: 1 });
    expect(events.get(b)).toMatchObject({ status: "PROCESSED", attempts: 1 });
    expect(events.get(unknown)).toMatchObject({ status: "UNROUTABLE", orgId: null, error: expect.stringContaining("pn-nobody") });
    expect(events.get(poison)).toMatchObject({ status: "FAILED", attempts: 1, error: expect.any(String), processedAt: null });
    expect(events.get(broken)).toMatchObject({ status: "FAILED", attempts: 1, error: expect.any(String) });
    expect((await conversationsOf(from))[0].unreadCount).toBe(2);

    // The queue retries each failed event on its own (a little later, then with its retry policy).
    const retries = await (await getBoss()).findJobs<{ eventId: number; retry: boolean }>("whatsapp.webhook", { data: { retry: true }, queued: true });
    expect(retries.map((j) => j.data.eventId).sort()).toEqual([poison, broken].sort());
    expect(retries.every((j) => j.startAfter.getTime() > Date.now())).toBe(true);
    await expect(runWebhookJob({ eventId: poison, retry: true })).rejects.toThrow();
    expect((await eventsById([poison])).get(poison)).toMatchObject({ status: "FAILED", attempts: 2 });
  });

  it("concurrent drainers share the work: every event processed once, one conversation per customer", async () => {
    const customers = Array.from({ length: 4 }, () => customer());
    const album = customers.flatMap((from) => Array.from({ length: 10 }, (_, i) => inbound(from, "image", { image: { id: `c-${from}-${i}` } })));
    const ids = await store(album.map((m) => oneMessage(m)));

    const counts = await Promise.all([1, 2, 3].map(() => drainWebhookEvents({ batch: 7 })));
    expect(counts.reduce((x, y) => x + y, 0)).toBe(ids.length);
    for (const from of customers) {
      const convs = await conversationsOf(from);
      expect(convs).toHaveLength(1);
      expect(convs[0].unreadCount).toBe(10);
    }
    const events = await eventsById(ids);
    for (const id of ids) expect(events.get(id)).toMatchObject({ status: "PROCESSED", attempts: 1 });
  });

  it("applies statuses of a batch forward only, whatever order they arrive in, and keeps early ones pending", async () => {
    const from = customer();
    await deliver(oneMessage(text(from, "hola")));
    const [conv] = await conversationsOf(from);
    const [sent] = await getDb()
      .insert(messages)
      .values({
        orgId: org.id,
        conversationId: conv.id,
        whatsappAccountId: account.id,
        direction: "OUTBOUND",
        type: "TEXT",
        body: "¡Hola!",
        providerMessageId: "wamid.out-batch",
        status: "SENT",
        senderType: "AGENT",
      })
      .returning();
    const statuses = ["read", "sent", "delivered", "read", "sent"] as const;
    await store(statuses.map((s, i) => payload(account.wabaId, [messagesChange(account, { statuses: [status(sent.providerMessageId!, s, { timestamp: unixNow(i) })] })])));
    await store([payload(account.wabaId, [messagesChange(account, { statuses: [status("wamid.not-yet-ours", "delivered")] })])]);

    await drainWebhookEvents();
    const [row] = await getDb().select().from(messages).where(eq(messages.id, sent.id));
    expect(row.status).toBe("READ");
    expect(row.sentAt).toBeInstanceOf(Date);
    expect(row.deliveredAt).toBeInstanceOf(Date);
    expect(row.readAt).toBeInstanceOf(Date);
    const kept = await getDb().select().from(pendingStatuses).where(eq(pendingStatuses.providerMessageId, "wamid.not-yet-ours"));
    expect(kept).toMatchObject([{ whatsappAccountId: account.id, status: "DELIVERED" }]);
  });
});

describe("receiving", () => {
  it("a burst of webhooks queues one wake-up of the drain, and the drain stores them all", async () => {
    const SECRET = "test-meta-app-secret-0123456789";
    const from = customer();
    const bodies = Array.from({ length: 8 }, (_, i) => Buffer.from(JSON.stringify(oneMessage(text(from, `mensaje ${i}`)))));
    await Promise.all(bodies.map((raw) => receiveWebhook(raw, signPayload(raw, SECRET))));

    const jobs = await takeJobs<{ eventId: number }>("whatsapp.webhook");
    expect(jobs).toHaveLength(1);
    await runWebhookJob(jobs[0]);
    expect((await conversationsOf(from))[0].unreadCount).toBe(8);
  });
});
