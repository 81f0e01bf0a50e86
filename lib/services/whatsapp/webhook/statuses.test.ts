import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { applyPendingStatuses } from "@/db/queries/messages";
import { createOrg } from "@/lib/testing/factories";
import { contacts, conversations, getDb, messages, pendingStatuses } from "@/lib/testing/db";
import { isPermanentFailure } from "./statuses";
import { createWaAccount, customer, deliverMessages, status, unixNow, wamid } from "./test-fixtures";

const base = Number(unixNow());
/** Seconds after a fixed start, as Meta writes timestamps (a moving clock would make the assertions flaky). */
const at = (seconds: number) => String(base + seconds);

type Account = Awaited<ReturnType<typeof createWaAccount>>;
let account: Account;
let conversationId: number;

beforeAll(async () => {
  const org = await createOrg();
  account = await createWaAccount(org);
  const [contact] = await getDb().insert(contacts).values({ orgId: org.id, waId: customer() }).returning();
  const [conv] = await getDb().insert(conversations).values({ orgId: org.id, displayId: 1, contactId: contact.id, whatsappAccountId: account.id }).returning();
  conversationId = conv.id;
});

/** An outbound message as the send path records it. */
async function sent(values: Partial<typeof messages.$inferInsert> = {}) {
  const [row] = await getDb()
    .insert(messages)
    .values({
      orgId: account.orgId,
      conversationId,
      whatsappAccountId: account.id,
      direction: "OUTBOUND",
      type: "TEXT",
      body: "Tu pedido va en camino",
      providerMessageId: wamid(),
      status: "PENDING",
      senderType: "AGENT",
      ...values,
    })
    .returning();
  return row;
}

const reload = async (id: number) => (await getDb().select().from(messages).where(eq(messages.id, id)))[0];
const pendingOf = (id: string) =>
  getDb()
    .select()
    .from(pendingStatuses)
    .where(and(eq(pendingStatuses.whatsappAccountId, account.id), eq(pendingStatuses.providerMessageId, id)));

describe("delivery statuses", () => {
  it("moves forward only: read, then delivered, then sent leaves READ with every moment recorded", async () => {
    const m = await sent();
    const id = m.providerMessageId!;
    await deliverMessages(account, { statuses: [status(id, "read", { timestamp: at(30) })] });
    await deliverMessages(account, { statuses: [status(id, "delivered", { timestamp: at(20) })] });
    await deliverMessages(account, { statuses: [status(id, "sent", { timestamp: at(10) })] });
    const after = await reload(m.id);
    expect(after.status).toBe("READ");
    expect(after.readAt?.getTime()).toBe(Number(at(30)) * 1000);
    expect(after.deliveredAt?.getTime()).toBe(Number(at(20)) * 1000);
    expect(after.sentAt?.getTime()).toBe(Number(at(10)) * 1000);
  });

  it("ignores duplicates: the second delivery of a status changes nothing", async () => {
    const m = await sent();
    const s = status(m.providerMessageId!, "delivered", { pricing: { billable: true, pricing_model: "PMP", category: "utility" } });
    await deliverMessages(account, { statuses: [s] });
    const once = await reload(m.id);
    await deliverMessages(account, { statuses: [s, s] });
    const twice = await reload(m.id);
    expect(twice).toEqual(once);
    expect(once).toMatchObject({ status: "DELIVERED", pricing: { billable: true, pricing_model: "PMP", category: "utility" } });
  });

  it("records a failure with Meta's code and title; permanent codes are flagged", async () => {
    const m = await sent({ status: "SENT" });
    await deliverMessages(account, {
      statuses: [
        status(m.providerMessageId!, "failed", {
          errors: [{ code: 131047, title: "Re-engagement message", message: "Re-engagement message", error_data: { details: "More than 24 hours have passed" } }],
        }),
      ],
    });
    const after = await reload(m.id);
    expect(after).toMatchObject({
      status: "FAILED",
      errorCode: 131047,
      errorTitle: "Re-engagement message",
      errorDetails: "More than 24 hours have passed",
      permanentFailure: true,
    });
    expect(after.failedAt).toBeInstanceOf(Date);

    // FAILED is final: a late "delivered" records its moment but does not resurrect the message.
    await deliverMessages(account, { statuses: [status(m.providerMessageId!, "delivered")] });
    expect((await reload(m.id)).status).toBe("FAILED");

    const transient = await sent({ status: "SENT" });
    await deliverMessages(account, { statuses: [status(transient.providerMessageId!, "failed", { errors: [{ code: 131000, title: "Something went wrong" }] })] });
    expect(await reload(transient.id)).toMatchObject({ status: "FAILED", errorCode: 131000, permanentFailure: false });
  });

  it("a failure after READ changes nothing", async () => {
    const m = await sent({ status: "READ", readAt: new Date() });
    await deliverMessages(account, { statuses: [status(m.providerMessageId!, "failed", { errors: [{ code: 131026, title: "Undeliverable" }] })] });
    expect(await reload(m.id)).toMatchObject({ status: "READ", errorCode: null, failedAt: null });
  });

  it("keeps a status that arrives before our send is recorded, and applies it when the wamid is known", async () => {
    const id = wamid();
    await deliverMessages(account, {
      statuses: [status(id, "read", { timestamp: at(3) }), status(id, "sent", { timestamp: at(1), pricing: { category: "service" } }), status(id, "delivered", { timestamp: at(2) })],
    });
    expect((await pendingOf(id)).map((p) => p.status).sort()).toEqual(["DELIVERED", "READ", "SENT"]);

    const m = await sent({ providerMessageId: id });
    const applied = await getDb().transaction((tx) => applyPendingStatuses(tx, account.id, id));
    expect(applied).toMatchObject({ id: m.id, status: "READ" });
    expect(await reload(m.id)).toMatchObject({ status: "READ", pricing: { category: "service" } });
    expect((await reload(m.id)).sentAt?.getTime()).toBe(Number(at(1)) * 1000);
    expect(await pendingOf(id)).toEqual([]);
    // Nothing left: a second call is a no-op.
    expect(await getDb().transaction((tx) => applyPendingStatuses(tx, account.id, id))).toBeUndefined();
  });

  it("does not keep statuses of a message that exists (out of order or duplicate) as pending", async () => {
    const m = await sent({ status: "READ", readAt: new Date(), sentAt: new Date(), deliveredAt: new Date() });
    await deliverMessages(account, { statuses: [status(m.providerMessageId!, "delivered")] });
    expect(await pendingOf(m.providerMessageId!)).toEqual([]);
  });

  it("knows which failures no retry can fix", () => {
    for (const code of [131047, 131026, 131051, 132000, 132012, 132999]) expect(isPermanentFailure(code)).toBe(true);
    for (const code of [131000, 130429, 131056, 133000, 190]) expect(isPermanentFailure(code)).toBe(false);
  });
});
