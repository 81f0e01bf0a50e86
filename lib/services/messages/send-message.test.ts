import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyStatusOrKeep } from "@/db/queries/messages";
import { accountAlerts, conversations, getDb, messages, whatsappAccounts } from "@/lib/testing/db";
import type { Ctx } from "@/lib/api/context";
import { AppError } from "@/lib/api/errors";
import { getBoss } from "@/lib/jobs/boss";
import { createTeam, ctxFor } from "@/lib/testing/factories";
import { storeFile } from "@/lib/services/files/store";
import { systemActor } from "./actor";
import { markConversationRead } from "./mark-read";
import { sendMessage } from "./send-message";
import { deliverMessage, SEND_RETRY_LIMIT } from "./send-worker";
import { createConversation, createInbound, createTemplate, startGraphDouble } from "./testing";

let sim: Awaited<ReturnType<typeof startGraphDouble>>;
let team: Awaited<ReturnType<typeof createTeam>>;
let ctx: Ctx;

beforeAll(async () => {
  sim = await startGraphDouble();
  team = await createTeam();
  ctx = await ctxFor(team.agent, team.org);
});
afterAll(() => sim.close());

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
const row = async (id: string | number) => (await getDb().select().from(messages).where(eq(messages.id, Number(id))))[0];
const lastSend = () => sim.state.sends.at(-1)!;
const rejection = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
};
const queuedJobs = async () => (await (await getBoss()).fetch<{ messageId: number }>("whatsapp.send", { batchSize: 100 })).map((j) => j.data.messageId);

/** Sends, runs the worker, and returns the message object the Graph double received. */
async function sendAndDeliver(input: Parameters<typeof sendMessage>[1], actor: Parameters<typeof sendMessage>[0] = ctx) {
  const dto = await sendMessage(actor, input);
  await deliverMessage(Number(dto.id));
  return { dto, sent: lastSend().message, stored: await row(dto.id) };
}

describe("the 24-hour window", () => {
  it("refuses free-form messages once the window closed (or the customer never wrote), storing nothing", async () => {
    for (const lastCustomerAt of [new Date(Date.now() - 24 * 3600_000 - 1000), null]) {
      const { conversation } = await createConversation(team.org, { lastCustomerAt });
      const e = await rejection(sendMessage(ctx, { conversationId: conversation.id, kind: "text", text: "Hola" }));
      expect(e).toMatchObject({ code: "WINDOW_CLOSED", status: 422 });
      expect(e.message).toMatch(/template/);
      expect(await getDb().select().from(messages).where(eq(messages.conversationId, conversation.id))).toEqual([]);
    }
  });

  it("stores an open-window message PENDING, updates the conversation and queues one delivery job", async () => {
    const { conversation } = await createConversation(team.org, { lastCustomerAt: new Date(Date.now() - 23 * 3600_000) });
    const dto = await sendMessage(ctx, { conversationId: String(conversation.id), kind: "text", text: "Ya va en camino" });
    expect(dto).toMatchObject({
      conversationId: String(conversation.id),
      direction: "OUTBOUND",
      type: "TEXT",
      body: "Ya va en camino",
      status: "PENDING",
      senderType: "AGENT",
      sender: { id: String(team.agent.id), name: "Alan Agent" },
      error: null,
      sentAt: null,
    });
    const [conv] = await getDb().select().from(conversations).where(eq(conversations.id, conversation.id));
    expect(conv).toMatchObject({ status: "WAITING_FOR_CUSTOMER", lastMessagePreview: "Ya va en camino", lastMessageDirection: "OUTBOUND", unreadCount: 0 });
    expect(conv.version).toBeGreaterThan(conversation.version);
    expect(await queuedJobs()).toContain(Number(dto.id));
  });

  it("lets the bot send without taking the conversation from it; 404 for another org's conversation", async () => {
    const { conversation } = await createConversation(team.org, { status: "BOT_HANDLING" });
    const dto = await sendMessage(systemActor(team.org.id, "BOT"), { conversationId: conversation.id, kind: "text", text: "Soy el bot" });
    expect(dto).toMatchObject({ senderType: "BOT", sender: null });
    expect((await getDb().select().from(conversations).where(eq(conversations.id, conversation.id)))[0].status).toBe("BOT_HANDLING");

    const other = await createTeam();
    const foreign = await createConversation(other.org);
    expect(await rejection(sendMessage(ctx, { conversationId: foreign.conversation.id, kind: "text", text: "x" }))).toMatchObject({ status: 404 });
  });

  it("requireStatus: the bot's message is refused, and nothing stored, once a person has the conversation", async () => {
    const { conversation } = await createConversation(team.org, { status: "HUMAN_HANDLING" });
    const bot = systemActor(team.org.id, "BOT");
    const e = await rejection(sendMessage(bot, { conversationId: conversation.id, kind: "text", text: "tarde", requireStatus: "BOT_HANDLING" }));
    expect(e).toMatchObject({ status: 422, code: "STATUS_CHANGED" });
    expect(await getDb().select().from(messages).where(eq(messages.conversationId, conversation.id))).toHaveLength(0);
  });
});

describe("payloads exactly as the Cloud API expects them", () => {
  it("text with link preview, as a reply quoting the customer's message", async () => {
    const { conversation, contact } = await createConversation(team.org);
    const inbound = await createInbound(conversation, "¿Dónde está mi pedido?");
    const { dto, sent, stored } = await sendAndDeliver({ conversationId: conversation.id, kind: "text", text: "Aquí: https://example.com/p/1", previewUrl: true, replyToMessageId: String(inbound.id) });
    expect(sent).toEqual({
      recipient_type: "individual",
      to: contact.waId,
      context: { message_id: inbound.providerMessageId },
      type: "text",
      text: { body: "Aquí: https://example.com/p/1", preview_url: true },
    });
    expect(dto.replyTo).toEqual({ id: String(inbound.id), body: "¿Dónde está mi pedido?" });
    expect(stored).toMatchObject({ status: "SENT", providerMessageId: lastSend().wamid, replyToProviderId: inbound.providerMessageId });
    expect(stored.sentAt).toBeInstanceOf(Date);
  });

  it("refuses to quote a message of another conversation", async () => {
    const a = await createConversation(team.org);
    const b = await createConversation(team.org);
    const inbound = await createInbound(b.conversation);
    const e = await rejection(sendMessage(ctx, { conversationId: a.conversation.id, kind: "text", text: "x", replyToMessageId: inbound.id }));
    expect(e).toMatchObject({ status: 400, details: [{ path: "replyToMessageId" }] });
  });

  it("media: a stored image is uploaded to Meta once and sent by id with its caption; a document keeps its filename", async () => {
    const { conversation, contact } = await createConversation(team.org);
    const file = await storeFile(ctx, { buffer: PNG, contentType: "image/png", originalName: "box.png", purpose: "attachment" });
    const { dto, sent, stored } = await sendAndDeliver({ conversationId: conversation.id, kind: "media", fileId: String(file.id), caption: "Tu caja" });
    const mediaId = stored.media!.waMediaId!;
    expect(sim.state.media.get(mediaId)).toMatchObject({ mimeType: "image/png" });
    expect(sent).toEqual({ recipient_type: "individual", to: contact.waId, type: "image", image: { id: mediaId, caption: "Tu caja" } });
    expect(dto).toMatchObject({ type: "IMAGE", body: "Tu caja", media: { url: `/api/files/${file.id}`, mimeType: "image/png", caption: "Tu caja" } });

    const pdf = { buffer: Buffer.from("%PDF-1.4 invoice"), contentType: "application/pdf", originalName: "factura.pdf" };
    const doc = await sendAndDeliver({ conversationId: conversation.id, kind: "media", upload: pdf });
    expect(doc.sent).toMatchObject({ type: "document", document: { id: doc.stored.media!.waMediaId, filename: "factura.pdf" } });
    expect(doc.dto.media).toMatchObject({ url: `/api/files/${doc.stored.media!.fileId}`, filename: "factura.pdf" });
  });

  it("media outside WhatsApp's limits: 415 with the allowed types, 413 over the size limit", async () => {
    const { conversation } = await createConversation(team.org);
    const gif = { buffer: Buffer.from("GIF89a-------"), contentType: "image/gif", originalName: "a.gif" };
    const e415 = await rejection(sendMessage(ctx, { conversationId: conversation.id, kind: "media", upload: gif }));
    expect(e415).toMatchObject({ status: 415 });
    expect(e415.message).toContain("image/jpeg, image/png");
    const big = { buffer: Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]), contentType: "image/png", originalName: "big.png" };
    const e413 = await rejection(sendMessage(ctx, { conversationId: conversation.id, kind: "media", upload: big }));
    expect(e413).toMatchObject({ status: 413 });
    expect(e413.message).toContain("5 MB");
    expect(await getDb().select().from(messages).where(eq(messages.conversationId, conversation.id))).toEqual([]);
  });

  it("template with header media, body variables and a URL button — sent even with the window closed", async () => {
    const { conversation, contact } = await createConversation(team.org, { lastCustomerAt: null });
    const header = await storeFile(ctx, { buffer: PNG, contentType: "image/png", originalName: "promo.png", purpose: "template-header" });
    const t = await createTemplate(team.org, {
      headerMediaFileId: header.id,
      components: [
        { type: "HEADER", format: "IMAGE" },
        { type: "BODY", text: "Hola {{1}}, tu pedido {{2}} va en camino." },
        { type: "FOOTER", text: "Tienda" },
        { type: "BUTTONS", buttons: [{ type: "URL", text: "Rastrear", url: "https://example.com/t/{{1}}" }, { type: "QUICK_REPLY", text: "Gracias" }] },
      ],
    });
    const { dto, sent, stored } = await sendAndDeliver({
      conversationId: conversation.id,
      kind: "template",
      name: t.name,
      parameters: { body: ["Ana", "#123"], buttons: [{ index: 0, text: "abc123" }] },
    });
    expect(sent).toEqual({
      recipient_type: "individual",
      to: contact.waId,
      type: "template",
      template: {
        name: t.name,
        language: { code: "es_MX" },
        components: [
          { type: "header", parameters: [{ type: "image", image: { id: stored.media!.waMediaId } }] },
          { type: "body", parameters: [{ type: "text", text: "Ana" }, { type: "text", text: "#123" }] },
          { type: "button", sub_type: "url", index: "0", parameters: [{ type: "text", text: "abc123" }] },
        ],
      },
    });
    expect(dto).toMatchObject({ type: "TEMPLATE", templateName: t.name, body: "Hola Ana, tu pedido #123 va en camino.", status: "PENDING" });
    expect(stored.status).toBe("SENT");
  });

  it("template values that do not fit the template → 400 with details; not approved → 422; unknown → 404", async () => {
    const { conversation } = await createConversation(team.org);
    const t = await createTemplate(team.org);
    const e = await rejection(sendMessage(ctx, { conversationId: conversation.id, kind: "template", name: t.name, parameters: { body: ["Ana"] } }));
    expect(e).toMatchObject({ status: 400, details: [{ path: "parameters.body.1" }] });
    const pending = await createTemplate(team.org, { status: "PENDING" });
    expect(await rejection(sendMessage(ctx, { conversationId: conversation.id, kind: "template", name: pending.name }))).toMatchObject({ status: 422, code: "TEMPLATE_NOT_APPROVED" });
    expect(await rejection(sendMessage(ctx, { conversationId: conversation.id, kind: "template", name: "nope" }))).toMatchObject({ status: 404 });
  });

  it("interactive reply buttons and lists, with WhatsApp's limits enforced as 400 details", async () => {
    const { conversation } = await createConversation(team.org);
    const buttons = await sendAndDeliver({
      conversationId: conversation.id,
      kind: "interactive",
      interactive: { type: "button", header: "Pedido", body: "¿Recibiste tu pedido?", footer: "Tienda", buttons: [{ id: "yes", title: "Sí" }, { id: "no", title: "No" }] },
    });
    expect(buttons.sent).toMatchObject({
      type: "interactive",
      interactive: {
        type: "button",
        header: { type: "text", text: "Pedido" },
        body: { text: "¿Recibiste tu pedido?" },
        footer: { text: "Tienda" },
        action: { buttons: [{ type: "reply", reply: { id: "yes", title: "Sí" } }, { type: "reply", reply: { id: "no", title: "No" } }] },
      },
    });
    const list = await sendAndDeliver({
      conversationId: conversation.id,
      kind: "interactive",
      interactive: { type: "list", body: "Elige una sucursal", button: "Ver", sections: [{ title: "Centro", rows: [{ id: "c1", title: "Centro 1", description: "Av. Juárez" }] }] },
    });
    expect(list.sent.interactive).toEqual({
      type: "list",
      body: { text: "Elige una sucursal" },
      action: { button: "Ver", sections: [{ title: "Centro", rows: [{ id: "c1", title: "Centro 1", description: "Av. Juárez" }] }] },
    });

    const four = [1, 2, 3, 4].map((n) => ({ id: `b${n}`, title: `B${n}` }));
    const e1 = await rejection(sendMessage(ctx, { conversationId: conversation.id, kind: "interactive", interactive: { type: "button", body: "x", buttons: four } }));
    expect(e1).toMatchObject({ status: 400, details: [{ path: "interactive.buttons" }] });
    const rows = Array.from({ length: 6 }, (_, n) => ({ id: `r${n}`, title: `R${n}` }));
    const e2 = await rejection(
      sendMessage(ctx, { conversationId: conversation.id, kind: "interactive", interactive: { type: "list", body: "x", button: "Ver", sections: [{ title: "A", rows }, { rows }] } }),
    );
    expect(e2.details!.map((d) => d.path)).toEqual(expect.arrayContaining(["interactive.sections", "interactive.sections.1.title", "interactive.sections.1.rows.0.id"]));
  });

  it("reaction: names the message by wamid, no context, leaves the conversation alone; empty emoji removes it", async () => {
    const { conversation, contact } = await createConversation(team.org);
    const inbound = await createInbound(conversation);
    const before = (await getDb().select().from(conversations).where(eq(conversations.id, conversation.id)))[0];
    const { dto, sent } = await sendAndDeliver({ conversationId: conversation.id, kind: "reaction", messageId: inbound.id, emoji: "👍" });
    expect(sent).toEqual({ recipient_type: "individual", to: contact.waId, type: "reaction", reaction: { message_id: inbound.providerMessageId, emoji: "👍" } });
    expect(dto).toMatchObject({ type: "REACTION", body: "👍", replyTo: { id: String(inbound.id) } });
    const after = (await getDb().select().from(conversations).where(eq(conversations.id, conversation.id)))[0];
    expect(after.version).toBe(before.version);
    const removed = await sendAndDeliver({ conversationId: conversation.id, kind: "reaction", messageId: inbound.id, emoji: "" });
    expect(removed.sent.reaction).toEqual({ message_id: inbound.providerMessageId, emoji: "" });
  });
});

describe("Meta's errors, by code", () => {
  it("130429 backs off: the job throws for pg-boss to retry, then succeeds → SENT", async () => {
    const { conversation } = await createConversation(team.org);
    const dto = await sendMessage(ctx, { conversationId: conversation.id, kind: "text", text: "retry me" });
    sim.failNext({ code: 130429, message: "(#130429) Rate limit hit" });
    await expect(deliverMessage(Number(dto.id))).rejects.toMatchObject({ code: 130429 });
    expect(await row(dto.id)).toMatchObject({ status: "PENDING", retryCount: 1, errorCode: 130429, providerMessageId: null });
    await deliverMessage(Number(dto.id));
    expect(await row(dto.id)).toMatchObject({ status: "SENT", retryCount: 1, errorCode: null, providerMessageId: lastSend().wamid });
    // The backoff itself is pg-boss's, configured on the queue.
    expect(await (await getBoss()).getQueue("whatsapp.send")).toMatchObject({ retryLimit: SEND_RETRY_LIMIT, retryBackoff: true, retryDelay: 5, policy: "exclusive" });
  });

  it("131056 on the last attempt → FAILED, retryable by hand", async () => {
    const { conversation } = await createConversation(team.org);
    const dto = await sendMessage(ctx, { conversationId: conversation.id, kind: "text", text: "pair limit" });
    await getDb().update(messages).set({ retryCount: SEND_RETRY_LIMIT }).where(eq(messages.id, Number(dto.id)));
    sim.failNext({ code: 131056, message: "(#131056) Pair rate limit hit" });
    await deliverMessage(Number(dto.id));
    expect(await row(dto.id)).toMatchObject({ status: "FAILED", errorCode: 131056, permanentFailure: false });
  });

  it("131047 → FAILED permanent, not retried, the title says why", async () => {
    const { conversation } = await createConversation(team.org);
    const dto = await sendMessage(ctx, { conversationId: conversation.id, kind: "text", text: "late" });
    sim.failNext({ code: 131047, message: "Re-engagement message" });
    await deliverMessage(Number(dto.id));
    const m = await row(dto.id);
    expect(m).toMatchObject({ status: "FAILED", errorCode: 131047, permanentFailure: true, retryCount: 0 });
    expect(m.errorTitle).toMatch(/24 hours/);
    expect(m.failedAt).toBeInstanceOf(Date);
  });

  it("131026 (not on WhatsApp) → FAILED permanent with Meta's reason; other codes → FAILED with code, title and details", async () => {
    const { conversation } = await createConversation(team.org);
    const a = await sendMessage(ctx, { conversationId: conversation.id, kind: "text", text: "a" });
    sim.failNext({ code: 131026, message: "Message undeliverable", details: "Recipient is not a WhatsApp user" });
    await deliverMessage(Number(a.id));
    expect(await row(a.id)).toMatchObject({ status: "FAILED", permanentFailure: true, errorCode: 131026, errorTitle: "Message undeliverable", errorDetails: "Recipient is not a WhatsApp user" });
    const b = await sendMessage(ctx, { conversationId: conversation.id, kind: "text", text: "b" });
    sim.failNext({ code: 100, message: "(#100) Invalid parameter", details: "to is invalid" });
    await deliverMessage(Number(b.id));
    expect(await row(b.id)).toMatchObject({ status: "FAILED", permanentFailure: false, errorCode: 100, errorTitle: "(#100) Invalid parameter", errorDetails: "to is invalid" });
  });

  it("an expired token fails the message, puts the number in ERROR and raises one alert", async () => {
    const { conversation, account } = await createConversation(team.org);
    for (const text of ["one", "two"]) {
      const dto = await sendMessage(ctx, { conversationId: conversation.id, kind: "text", text });
      sim.failNext({ code: 190, message: "Error validating access token: Session has expired" });
      await deliverMessage(Number(dto.id));
      expect(await row(dto.id)).toMatchObject({ status: "FAILED", errorCode: 190 });
    }
    const [acc] = await getDb().select().from(whatsappAccounts).where(eq(whatsappAccounts.id, account!.id));
    expect(acc).toMatchObject({ status: "ERROR" });
    const alerts = await getDb().select().from(accountAlerts).where(and(eq(accountAlerts.orgId, team.org.id), eq(accountAlerts.whatsappAccountId, account!.id)));
    expect(alerts).toEqual([expect.objectContaining({ type: "TOKEN_INVALID", severity: "critical" })]);
  });
});

describe("statuses and read receipts", () => {
  it("a status that arrived before the wamid was stored is applied right after", async () => {
    const { conversation, account } = await createConversation(team.org);
    const dto = await sendMessage(ctx, { conversationId: conversation.id, kind: "text", text: "fast" });
    // Meta's "delivered" callback beats our commit: it lands between Meta's answer and markAccepted.
    const realFetch = globalThis.fetch;
    globalThis.fetch = async (input, init) => {
      const res = await realFetch(input, init);
      if (String(input).endsWith("/messages") && res.ok) {
        const { messages: out } = (await res.clone().json()) as { messages: { id: string }[] };
        const kept = await applyStatusOrKeep(account!.id, out[0].id, { status: "DELIVERED", at: new Date() });
        expect(kept.pending).toBe(true);
      }
      return res;
    };
    try {
      await deliverMessage(Number(dto.id));
    } finally {
      globalThis.fetch = realFetch;
    }
    const m = await row(dto.id);
    expect(m).toMatchObject({ status: "DELIVERED", providerMessageId: lastSend().wamid });
    expect(m.sentAt).toBeInstanceOf(Date);
    expect(m.deliveredAt).toBeInstanceOf(Date);
  });

  it("marks the latest customer message read, with the typing indicator", async () => {
    const { conversation } = await createConversation(team.org);
    await createInbound(conversation, "first");
    const latest = await createInbound(conversation, "second");
    expect(await markConversationRead(ctx, conversation.id, { typing: true })).toEqual({ marked: true, messageId: String(latest.id) });
    expect(sim.state.reads.get(latest.providerMessageId!)).toMatchObject({ typing: true });
  });
});
