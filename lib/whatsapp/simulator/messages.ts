import type { SimContext } from "./context";
import { invalidParam, json } from "./http";
import { statusPayload } from "./payloads";
import { newWamid } from "./state";

const SEND_TYPES = ["text", "image", "audio", "video", "document", "sticker", "location", "contacts", "interactive", "template", "reaction"] as const;
const MEDIA_TYPES = new Set(["image", "audio", "video", "document", "sticker"]);
const INTERACTIVE_TYPES = new Set(["button", "list", "cta_url", "flow", "product", "product_list", "location_request_message", "call_permission_request"]);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === "string" ? v : undefined);

function required(cond: unknown, param: string): asserts cond {
  if (!cond) throw invalidParam(`${param} is required`, `(#100) The parameter ${param} is required.`);
}

/** The checks Meta runs synchronously; anything it would only learn later (an unreachable phone) comes as a status. */
function validate(type: string, body: Obj) {
  const content = body[type];
  if (type === "text") {
    required(isObj(content) && str(content.body), "text['body']");
    if ((content.body as string).length > 4096) throw invalidParam("text.body is longer than 4096 characters");
  } else if (MEDIA_TYPES.has(type)) {
    required(isObj(content) && (str(content.id) || str(content.link)), `${type}['id'] or ${type}['link']`);
  } else if (type === "location") {
    required(isObj(content) && typeof content.latitude !== "undefined" && typeof content.longitude !== "undefined", "location['latitude'] and location['longitude']");
  } else if (type === "contacts") {
    required(Array.isArray(content) && content.length > 0, "contacts");
  } else if (type === "reaction") {
    required(isObj(content) && str(content.message_id), "reaction['message_id']");
  } else if (type === "template") {
    required(isObj(content) && str(content.name), "template['name']");
    required(isObj(content.language) && str(content.language.code), "template['language']['code']");
  } else if (type === "interactive") {
    required(isObj(content) && str(content.type), "interactive['type']");
    if (!INTERACTIVE_TYPES.has(content.type as string)) throw invalidParam(`interactive.type must be one of ${[...INTERACTIVE_TYPES].join(", ")}`);
    if (content.type === "button" || content.type === "list") required(isObj(content.body) && str(content.body.text), "interactive['body']['text']");
    const action = isObj(content.action) ? content.action : {};
    if (content.type === "button") {
      const buttons = Array.isArray(action.buttons) ? action.buttons : [];
      if (buttons.length < 1 || buttons.length > 3) throw invalidParam("interactive.action.buttons must have 1 to 3 buttons");
    }
    if (content.type === "list") {
      required(str(action.button), "interactive['action']['button']");
      const sections = Array.isArray(action.sections) ? (action.sections as Obj[]) : [];
      const rows = sections.reduce((n, s) => n + (Array.isArray(s.rows) ? s.rows.length : 0), 0);
      if (sections.length < 1 || rows < 1 || rows > 10) throw invalidParam("interactive.action.sections must hold 1 to 10 rows");
    }
  }
}

/** POST /{phone-number-id}/messages: a send, or a mark-as-read (`status: "read"`). */
export async function postMessages(ctx: SimContext, phoneNumberId: string, body: Obj): Promise<Response> {
  required(body.messaging_product === "whatsapp", "messaging_product");

  if (body.status === "read") {
    const messageId = str(body.message_id);
    required(messageId, "message_id");
    const typing = isObj(body.typing_indicator);
    ctx.state.recordRead({ phoneNumberId, messageId, typing, at: Date.now() });
    return json({ success: true });
  }

  const input = str(body.to);
  required(input, "to");
  const waId = input.replace(/[\s()+-]/g, "");
  if (!/^\d{7,15}$/.test(waId)) throw invalidParam(`to: '${input}' is not a valid WhatsApp phone number`);
  const type = str(body.type) ?? "text";
  if (!(SEND_TYPES as readonly string[]).includes(type)) throw invalidParam(`type must be one of {${SEND_TYPES.join(", ")}}`, `(#100) Param type must be one of {${SEND_TYPES.join(", ")}}`);
  validate(type, body);

  const wamid = newWamid();
  const undeliverable = waId.startsWith(ctx.undeliverablePrefix);
  const message = { ...body };
  delete message.messaging_product;
  ctx.state.recordSend({ wamid, phoneNumberId, to: input, waId, type, message, outcome: undeliverable ? "failed" : "delivered", at: Date.now() });

  const number = await ctx.number(phoneNumberId);
  const category = type === "template" ? templateCategory(ctx, body) : "service";
  const step = (status: "sent" | "delivered" | "read" | "failed") => () =>
    statusPayload({
      number,
      wamid,
      recipient: waId,
      status,
      category,
      error: status === "failed" ? { code: 131026, title: "Message undeliverable", details: "The recipient is not a WhatsApp user (sandbox)." } : undefined,
    });
  ctx.deliverer.schedule(
    undeliverable
      ? [{ at: ctx.delays.sent, payload: step("failed") }]
      : [
          { at: ctx.delays.sent, payload: step("sent") },
          { at: ctx.delays.delivered, payload: step("delivered") },
          { at: ctx.delays.read, payload: step("read") },
        ],
  );

  return json({
    messaging_product: "whatsapp",
    contacts: [{ input, wa_id: waId }],
    messages: [type === "template" ? { id: wamid, message_status: "accepted" } : { id: wamid }],
  });
}

function templateCategory(ctx: SimContext, body: Obj) {
  const name = isObj(body.template) ? str(body.template.name) : undefined;
  const known = [...ctx.state.templates.values()].find((t) => t.name === name);
  return (known?.category ?? "UTILITY").toLowerCase();
}
