import { latestConversations, threadMessages, type MessageRow } from "@/db/queries/sandbox";
import type { Ctx } from "@/lib/api/context";
import type { SandboxMessageDto } from "@/lib/api/contracts/sandbox";
import { fileUrl } from "@/lib/services/identity/dto";
import type { SimRead } from "@/lib/whatsapp/simulator/state";
import { customerDto, numberDto, sandboxAccountOf, simulatedCustomer } from "./customers";
import { appSimulator } from "./graph-simulator";

/** WhatsApp shows "typing…" for up to 25 seconds, or until the message arrives. */
const TYPING_MS = 25_000;

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Obj) : {});
const text = (v: unknown) => (typeof v === "string" ? v : null);
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.map(obj) : []);
const option = (o: Obj) => ({ id: String(o.id ?? ""), title: String(o.title ?? ""), description: text(o.description) });

/** What the customer can tap: reply buttons, a list, or a template's quick replies. */
function actionsOf(m: MessageRow): SandboxMessageDto["actions"] {
  const content = obj(m.content);
  if (m.direction !== "OUTBOUND") return null;
  if (m.type === "INTERACTIVE") {
    const i = obj(content.interactive);
    const action = obj(i.action);
    if (i.type === "button") return { kind: "buttons", buttons: list(action.buttons).map((b) => option(obj(b.reply))) };
    if (i.type === "list") {
      return { kind: "list", button: String(action.button ?? ""), sections: list(action.sections).map((s) => ({ title: text(s.title), rows: list(s.rows).map(option) })) };
    }
    return null;
  }
  if (m.type === "TEMPLATE") {
    const rendered = list(obj(content.rendered).buttons);
    const params = list(obj(content.template).components).filter((c) => c.type === "button" && c.sub_type === "quick_reply");
    const buttons = rendered
      .map((b, index) => ({ b, index }))
      .filter(({ b }) => String(b.type).toUpperCase() === "QUICK_REPLY")
      .map(({ b, index }) => {
        const given = params.find((p) => Number(p.index) === index);
        return { text: String(b.text ?? ""), payload: text(list(given?.parameters)[0]?.payload) ?? String(b.text ?? "") };
      });
    return buttons.length ? { kind: "quick_replies", buttons } : null;
  }
  return null;
}

function parts(m: MessageRow) {
  const content = obj(m.content);
  if (m.direction === "OUTBOUND" && m.type === "INTERACTIVE") {
    const i = obj(content.interactive);
    return { header: text(obj(i.header).text), body: text(obj(i.body).text) ?? m.body, footer: text(obj(i.footer).text) };
  }
  if (m.type === "TEMPLATE") {
    const r = obj(content.rendered);
    return { header: text(r.header), body: text(r.body) ?? m.body, footer: text(r.footer) };
  }
  return { header: null, body: m.type === "REACTION" ? null : m.body, footer: null };
}

/** The wamid a reaction is about and its emoji, whichever side sent it. */
function reactionOf(m: MessageRow) {
  const content = obj(m.content);
  const r = obj(content.reaction);
  const target = text(r.message_id) ?? text(content.messageId) ?? m.replyToProviderId;
  return target ? { target, emoji: text(r.emoji) ?? text(content.emoji) ?? "" } : null;
}

function statusOf(m: MessageRow, reads: Map<string, SimRead>): SandboxMessageDto["status"] {
  if (m.direction === "INBOUND") return m.providerMessageId && reads.has(m.providerMessageId) ? "READ" : "DELIVERED";
  return m.status === "RECEIVED" ? "DELIVERED" : m.status;
}

export function threadDtos(rows: MessageRow[], reads: Map<string, SimRead>): SandboxMessageDto[] {
  const byWamid = new Map(rows.filter((m) => m.providerMessageId).map((m) => [m.providerMessageId!, m]));
  const reactions = new Map<string, { customer: string | null; business: string | null }>();
  for (const m of rows.filter((r) => r.type === "REACTION")) {
    const r = reactionOf(m);
    if (!r) continue;
    const entry = reactions.get(r.target) ?? { customer: null, business: null };
    entry[m.direction === "INBOUND" ? "customer" : "business"] = r.emoji || null;
    reactions.set(r.target, entry);
  }
  return rows
    .filter((m) => m.type !== "REACTION")
    .map((m) => {
      const content = obj(m.content);
      const quoted = m.replyToProviderId ? byWamid.get(m.replyToProviderId) : undefined;
      return {
        id: String(m.id),
        wamid: m.providerMessageId,
        from: m.direction === "INBOUND" ? ("customer" as const) : ("business" as const),
        type: m.type,
        ...parts(m),
        media: m.media
          ? { url: fileUrl(m.media.fileId ?? null), mimeType: m.media.mimeType ?? null, filename: m.media.filename ?? null, status: m.media.status ?? null }
          : null,
        location:
          m.type === "LOCATION" && typeof content.latitude === "number" && typeof content.longitude === "number"
            ? { latitude: content.latitude, longitude: content.longitude, name: text(content.name), address: text(content.address) }
            : null,
        actions: actionsOf(m),
        status: statusOf(m, reads),
        error: m.status === "FAILED" ? { code: m.errorCode, title: m.errorTitle } : null,
        replyTo: quoted ? { id: String(quoted.id), body: parts(quoted).body } : null,
        reactions: (m.providerMessageId && reactions.get(m.providerMessageId)) || { customer: null, business: null },
        templateName: m.templateName,
        createdAt: m.createdAt.toISOString(),
      };
    });
}

/** Typing shows after a mark-read with the indicator, until the business's next message or 25 s. */
function businessTyping(rows: MessageRow[], reads: Map<string, SimRead>) {
  const now = Date.now();
  const lastOutbound = Math.max(0, ...rows.filter((m) => m.direction === "OUTBOUND").map((m) => m.createdAt.getTime()));
  return rows.some((m) => {
    const r = m.direction === "INBOUND" && m.providerMessageId ? reads.get(m.providerMessageId) : undefined;
    return Boolean(r?.typing && now - r.at < TYPING_MS && r.at > lastOutbound);
  });
}

export async function getSandboxThread(ctx: Ctx, contactId: number) {
  const contact = await simulatedCustomer(ctx, contactId);
  const [account, rows, [conv]] = await Promise.all([sandboxAccountOf(ctx), threadMessages(ctx.orgId, contact.id), latestConversations(ctx.orgId, [contact.id])]);
  const reads = appSimulator().state.reads;
  return { customer: customerDto(contact, conv), number: numberDto(account), messages: threadDtos(rows, reads), businessTyping: businessTyping(rows, reads) };
}
