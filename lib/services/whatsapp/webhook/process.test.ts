import { and, asc, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { upsertContact } from "@/db/queries/contacts";
import { settleEvents } from "@/lib/events/emit";
import { createOrg, createUser } from "@/lib/testing/factories";
import { contacts, conversations, getDb, messages, organizations, webhookEvents } from "@/lib/testing/db";
import { processWebhookEvent } from "./process";
import {
  createWaAccount,
  customer,
  deliver,
  deliverMessages,
  inbound,
  messagesChange,
  payload,
  takeJobs,
  text,
  unixNow,
} from "./test-fixtures";

type Org = Awaited<ReturnType<typeof createOrg>>;
type Account = Awaited<ReturnType<typeof createWaAccount>>;
let org: Org;
let account: Account;

beforeAll(async () => {
  org = await createOrg();
  account = await createWaAccount(org);
});
beforeEach(async () => {
  await takeJobs("whatsapp.media");
});

const byWamid = async (id: string) => (await getDb().select().from(messages).where(eq(messages.providerMessageId, id)))[0];
const conversationsOf = async (waId: string) =>
  getDb()
    .select({ c: conversations })
    .from(conversations)
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .where(and(eq(contacts.orgId, org.id), eq(contacts.waId, waId)))
    .orderBy(asc(conversations.id))
    .then((rows) => rows.map((r) => r.c));
const eventRow = async (id: number) => (await getDb().select().from(webhookEvents).where(eq(webhookEvents.id, id)))[0];

describe("inbound message types", () => {
  it("maps every type Meta sends, dropping nothing", async () => {
    const from = customer();
    const m = {
      text: text(from, "Hola"),
      image: inbound(from, "image", { image: { id: "media-img", mime_type: "image/jpeg", sha256: "abc", caption: "Mi pedido" } }),
      voice: inbound(from, "audio", { audio: { id: "media-voice", mime_type: "audio/ogg; codecs=opus", voice: true } }),
      audio: inbound(from, "audio", { audio: { id: "media-audio", mime_type: "audio/mpeg" } }),
      video: inbound(from, "video", { video: { id: "media-video", mime_type: "video/mp4" } }),
      document: inbound(from, "document", { document: { id: "media-doc", mime_type: "application/pdf", filename: "factura.pdf" } }),
      sticker: inbound(from, "sticker", { sticker: { id: "media-sticker", mime_type: "image/webp", animated: false } }),
      location: inbound(from, "location", { location: { latitude: 19.43, longitude: -99.13, name: "Zócalo", address: "Centro, CDMX" } }),
      contacts: inbound(from, "contacts", { contacts: [{ name: { formatted_name: "Luis Pérez" }, phones: [{ phone: "+52 55 1234 5678" }] }] }),
      button: inbound(from, "interactive", { interactive: { type: "button_reply", button_reply: { id: "yes", title: "Sí, confirmo" } } }),
      list: inbound(from, "interactive", { interactive: { type: "list_reply", list_reply: { id: "size-m", title: "Mediana", description: "30 cm" } } }),
      quick: inbound(from, "button", { button: { payload: "STOP_PROMOS", text: "Dejar de recibir" } }),
      reaction: inbound(from, "reaction", { reaction: { message_id: "wamid.ours", emoji: "❤️" } }),
      unreact: inbound(from, "reaction", { reaction: { message_id: "wamid.ours" } }),
      order: inbound(from, "order", { order: { catalog_id: "cat1", text: "Para hoy", product_items: [{ product_retailer_id: "sku1", quantity: 2 }] } }),
      unsupported: inbound(from, "unsupported", { errors: [{ code: 131051, title: "Message type unknown" }] }),
      novel: inbound(from, "hologram", { context: { id: "wamid.quoted", forwarded: true } }),
    };
    await deliverMessages(account, { messages: Object.values(m) });

    expect(await byWamid(m.text.id)).toMatchObject({ type: "TEXT", body: "Hola", direction: "INBOUND", status: "RECEIVED", senderType: "CUSTOMER" });
    expect((await byWamid(m.text.id)).providerTimestamp?.getTime()).toBe(Number(m.text.timestamp) * 1000);
    expect(await byWamid(m.image.id)).toMatchObject({
      type: "IMAGE",
      body: "Mi pedido",
      media: { waMediaId: "media-img", mimeType: "image/jpeg", sha256: "abc", caption: "Mi pedido", status: "PENDING" },
    });
    expect((await byWamid(m.voice.id)).media).toMatchObject({ waMediaId: "media-voice", voice: true });
    expect(await byWamid(m.audio.id)).toMatchObject({ type: "AUDIO", media: { voice: false } });
    expect((await byWamid(m.video.id)).type).toBe("VIDEO");
    expect(await byWamid(m.document.id)).toMatchObject({ type: "DOCUMENT", media: { filename: "factura.pdf" } });
    expect(await byWamid(m.sticker.id)).toMatchObject({ type: "STICKER", content: { animated: false } });
    expect(await byWamid(m.location.id)).toMatchObject({ type: "LOCATION", content: { latitude: 19.43, longitude: -99.13, name: "Zócalo" } });
    expect(await byWamid(m.contacts.id)).toMatchObject({ type: "CONTACTS", body: "Luis Pérez", content: { contacts: [{ name: { formatted_name: "Luis Pérez" } }] } });
    expect(await byWamid(m.button.id)).toMatchObject({ type: "INTERACTIVE", body: "Sí, confirmo", content: { type: "button_reply", id: "yes" } });
    expect(await byWamid(m.list.id)).toMatchObject({ type: "INTERACTIVE", body: "Mediana", content: { type: "list_reply", id: "size-m", description: "30 cm" } });
    expect(await byWamid(m.quick.id)).toMatchObject({ type: "BUTTON", body: "Dejar de recibir", content: { payload: "STOP_PROMOS" } });
    expect(await byWamid(m.reaction.id)).toMatchObject({ type: "REACTION", replyToProviderId: "wamid.ours", content: { emoji: "❤️", messageId: "wamid.ours", removed: false } });
    expect(await byWamid(m.unreact.id)).toMatchObject({ type: "REACTION", body: null, content: { emoji: "", removed: true } });
    expect(await byWamid(m.order.id)).toMatchObject({ type: "ORDER", content: { catalog_id: "cat1", product_items: [{ quantity: 2 }] } });
    expect(await byWamid(m.unsupported.id)).toMatchObject({ type: "UNSUPPORTED", content: { errors: [{ code: 131051 }] } });
    expect(await byWamid(m.novel.id)).toMatchObject({ type: "UNSUPPORTED", replyToProviderId: "wamid.quoted", content: { raw: { type: "hologram" }, forwarded: true } });

    // One conversation, every message counted, media queued for download.
    const [conv] = await conversationsOf(from);
    expect(conv).toMatchObject({ status: "OPEN", unreadCount: Object.keys(m).length, lastMessageDirection: "INBOUND" });
    const jobs = await takeJobs<{ messageId: number }>("whatsapp.media");
    expect(jobs).toHaveLength(6);
  });

  it("writes a readable preview for the conversation list", async () => {
    const cases: [ReturnType<typeof inbound>, string][] = [];
    const from = customer();
    cases.push([inbound(from, "image", { image: { id: "i1" } }), "📷 Photo"]);
    cases.push([inbound(from, "image", { image: { id: "i2", caption: "Así llegó" } }), "📷 Así llegó"]);
    cases.push([inbound(from, "audio", { audio: { id: "a1", voice: true } }), "🎤 Voice message"]);
    cases.push([inbound(from, "document", { document: { id: "d1", filename: "cv.pdf" } }), "📄 cv.pdf"]);
    cases.push([inbound(from, "location", { location: { latitude: 1, longitude: 2 } }), "📍 Location"]);
    cases.push([inbound(from, "reaction", { reaction: { message_id: "x", emoji: "👍" } }), "Reacted 👍"]);
    for (const [msg, preview] of cases) {
      await deliverMessages(account, { messages: [msg] });
      const [conv] = await conversationsOf(from);
      expect(conv.lastMessagePreview).toBe(preview);
    }
  });

  it("keeps a click-to-WhatsApp ad referral as the source of a new conversation", async () => {
    const from = customer();
    const referral = { source_url: "https://fb.me/ad", source_id: "120200", source_type: "ad", headline: "2x1 en pizzas", ctwa_clid: "clid-1" };
    const msg = text(from, "Vi su anuncio", { referral });
    await deliverMessages(account, { messages: [msg] });
    const [conv] = await conversationsOf(from);
    expect(conv.source).toMatchObject({ type: "click_to_whatsapp_ad", source_id: "120200", headline: "2x1 en pizzas" });
    expect((await byWamid(msg.id)).content).toMatchObject({ referral });

    // A later referral in the same conversation leaves the original source alone.
    await deliverMessages(account, { messages: [text(from, "otra vez", { referral: { ...referral, source_id: "999" } })] });
    expect((await conversationsOf(from))[0].source).toMatchObject({ source_id: "120200" });
  });

  it("creates the contact with its profile name and follows name changes", async () => {
    const from = customer();
    await deliverMessages(account, { messages: [text(from, "hola")], names: { [from]: "Mariana" } });
    const [c1] = await getDb().select().from(contacts).where(and(eq(contacts.orgId, org.id), eq(contacts.waId, from)));
    expect(c1).toMatchObject({ profileName: "Mariana", isSimulated: false });
    expect(c1.lastMessageAt).toBeInstanceOf(Date);
    await deliverMessages(account, { messages: [text(from, "soy yo")], names: { [from]: "Mariana G." } });
    const all = await getDb().select().from(contacts).where(and(eq(contacts.orgId, org.id), eq(contacts.waId, from)));
    expect(all).toHaveLength(1);
    expect(all[0].profileName).toBe("Mariana G.");
  });
});

describe("contact upsert", () => {
  it("reports a change only for a new contact or a new profile name, and never overwrites the name an agent set", async () => {
    const waId = customer();
    const first = await upsertContact({ orgId: org.id, waId, profileName: "Rosa" });
    expect(first.changed).toBe(true);
    await getDb().update(contacts).set({ name: "Rosa (VIP)" }).where(eq(contacts.id, first.contact.id));
    expect((await upsertContact({ orgId: org.id, waId, profileName: "Rosa" })).changed).toBe(false);
    expect((await upsertContact({ orgId: org.id, waId, profileName: null })).changed).toBe(false);
    const renamed = await upsertContact({ orgId: org.id, waId, profileName: "Rosa M." });
    expect(renamed.changed).toBe(true);
    expect(renamed.contact).toMatchObject({ id: first.contact.id, name: "Rosa (VIP)", profileName: "Rosa M." });
  });
});

describe("idempotency and concurrency", () => {
  it("lands ten images sent at once by one customer, processed concurrently, in one conversation", async () => {
    const from = customer();
    const album = Array.from({ length: 10 }, (_, i) => inbound(from, "image", { image: { id: `album-${i}`, mime_type: "image/jpeg" } }));
    const ids = await Promise.all(album.map((m) => deliver(payload(account.wabaId, [messagesChange(account, { messages: [m] })]), false)));
    await Promise.all(ids.map((id) => processWebhookEvent(id)));

    const convs = await conversationsOf(from);
    expect(convs).toHaveLength(1);
    expect(convs[0].unreadCount).toBe(10);
    const rows = await getDb().select().from(messages).where(eq(messages.conversationId, convs[0].id));
    expect(rows).toHaveLength(10);
    expect((await takeJobs("whatsapp.media")).length).toBe(10);
    for (const id of ids) expect((await eventRow(id)).status).toBe("PROCESSED");
  });

  it("processes the same delivery three times without duplicates (as one event and as three)", async () => {
    const from = customer();
    const body = payload(account.wabaId, [messagesChange(account, { messages: [text(from, "uno"), inbound(from, "image", { image: { id: "dup-img" } })] })]);
    const first = await deliver(body);
    // The worker may run the same event again (retry after a crash): force it back to PENDING and rerun.
    for (let i = 0; i < 2; i++) {
      await getDb().update(webhookEvents).set({ status: "PENDING" }).where(eq(webhookEvents.id, first));
      await processWebhookEvent(first);
    }
    await processWebhookEvent(first); // already PROCESSED: a no-op
    // Meta redelivers the same payload as new events.
    await Promise.all([deliver(body), deliver(body), deliver(body)]);

    const [conv, ...more] = await conversationsOf(from);
    expect(more).toHaveLength(0);
    expect(conv.unreadCount).toBe(2);
    expect(await getDb().select().from(messages).where(eq(messages.conversationId, conv.id))).toHaveLength(2);
    expect((await takeJobs("whatsapp.media")).length).toBe(1);
    expect((await eventRow(first)).attempts).toBe(3);
  });

  it("a replay of an old message does not reopen a closed conversation", async () => {
    const from = customer();
    const body = payload(account.wabaId, [messagesChange(account, { messages: [text(from, "gracias")] })]);
    await deliver(body);
    await getDb().update(conversations).set({ status: "CLOSED", closedAt: new Date() }).where(eq(conversations.id, (await conversationsOf(from))[0].id));
    await deliver(body);
    expect((await conversationsOf(from)).map((c) => c.status)).toEqual(["CLOSED"]);
  });
});

describe("conversation status model", () => {
  it("opens a new conversation with the next displayId after the last one was closed", async () => {
    const from = customer();
    await deliverMessages(account, { messages: [text(from, "primera")] });
    const [first] = await conversationsOf(from);
    await getDb().update(conversations).set({ status: "CLOSED", closedAt: new Date() }).where(eq(conversations.id, first.id));
    await deliverMessages(account, { messages: [text(from, "segunda")] });
    const convs = await conversationsOf(from);
    expect(convs).toHaveLength(2);
    const [{ seq }] = await getDb().select({ seq: organizations.conversationSeq }).from(organizations).where(eq(organizations.id, org.id));
    expect(convs[1]).toMatchObject({ status: "OPEN", displayId: seq, unreadCount: 1, lastMessagePreview: "segunda" });
    expect(convs[1].displayId).toBeGreaterThan(first.displayId);
  });

  it("WAITING_FOR_CUSTOMER goes back to OPEN, or to HUMAN_HANDLING when someone has it; the window restarts", async () => {
    const agent = await createUser({ org, role: "AGENT" });
    for (const [assignee, expected] of [
      [null, "OPEN"],
      [agent.id, "HUMAN_HANDLING"],
    ] as const) {
      const from = customer();
      await deliverMessages(account, { messages: [text(from, "hola", { timestamp: unixNow(-3600) })] });
      const [conv] = await conversationsOf(from);
      await getDb().update(conversations).set({ status: "WAITING_FOR_CUSTOMER", assignedToId: assignee, unreadCount: 0 }).where(eq(conversations.id, conv.id));
      const reply = text(from, "sigo aquí");
      await deliverMessages(account, { messages: [reply] });
      const [after] = await conversationsOf(from);
      expect(after).toMatchObject({ id: conv.id, status: expected, unreadCount: 1, lastMessagePreview: "sigo aquí" });
      expect(after.lastCustomerMessageAt?.getTime()).toBe(Number(reply.timestamp) * 1000);
      expect(after.version).toBeGreaterThan(conv.version);
    }
  });

  it("an older message arriving late does not move the last message back", async () => {
    const from = customer();
    await deliverMessages(account, { messages: [text(from, "nuevo")] });
    await deliverMessages(account, { messages: [text(from, "viejo", { timestamp: unixNow(-600) })] });
    const [conv] = await conversationsOf(from);
    expect(conv).toMatchObject({ lastMessagePreview: "nuevo", unreadCount: 2 });
  });

  it("marks contacts and conversations of the sandbox number as simulated", async () => {
    const sandbox = await createWaAccount(org, { isSandbox: true });
    const from = customer();
    await deliverMessages(sandbox, { messages: [text(from, "prueba")] });
    const [conv] = await conversationsOf(from);
    expect(conv).toMatchObject({ isSimulated: true, whatsappAccountId: sandbox.id });
  });
});

describe("routing", () => {
  it("survives broken parts of a payload: a null value, a timestamp out of range", async () => {
    const from = customer();
    const late = text(from, "del futuro", { timestamp: "99999999999999" });
    const id = await deliver(payload(account.wabaId, [{ field: "messages", value: null as never }, messagesChange(account, { messages: [late] })]));
    expect((await eventRow(id)).status).toBe("PROCESSED");
    expect((await byWamid(late.id)).providerTimestamp).toBeInstanceOf(Date);
  });

  it("stores an event for an unknown phone_number_id as UNROUTABLE without throwing", async () => {
    const ghost = { phoneNumberId: "no-such-number", displayPhoneNumber: "+1 555 000 0000" };
    const id = await deliver(payload("waba-unknown", [messagesChange(ghost, { messages: [text(customer(), "¿hola?")] })]));
    expect(await eventRow(id)).toMatchObject({ status: "UNROUTABLE", orgId: null, error: expect.stringContaining("no-such-number") });
  });

  it("routes each change by its own phone_number_id, so one app serves every organization", async () => {
    const otherOrg = await createOrg();
    const other = await createWaAccount(otherOrg);
    const a = text(customer(), "para A");
    const b = text(customer(), "para B");
    const id = await deliver({
      object: "whatsapp_business_account",
      entry: [
        { id: account.wabaId, changes: [messagesChange(account, { messages: [a] })] },
        { id: other.wabaId, changes: [messagesChange(other, { messages: [b] })] },
      ],
    });
    expect((await byWamid(a.id)).orgId).toBe(org.id);
    expect((await byWamid(b.id)).orgId).toBe(otherOrg.id);
    expect((await eventRow(id)).status).toBe("PROCESSED");
  });

  it("marks the event FAILED with the error and rethrows, so the queue retries it", async () => {
    const id = await deliver({ object: "whatsapp_business_account", entry: [{ id: "x", changes: 5 }] }, false);
    await expect(processWebhookEvent(id)).rejects.toThrow();
    expect(await eventRow(id)).toMatchObject({ status: "FAILED", attempts: 1, error: expect.any(String) });
    await settleEvents();
  });
});
