import type { WaInboundMessage, WaStatus, WaWebhookPayload } from "@/lib/whatsapp/webhook-types";
import { newWamid } from "./state";

/**
 * Builders of Meta-shaped webhook payloads (https://developers.facebook.com/docs/whatsapp/cloud-api/webhooks), used by
 * the simulator's status callbacks, the sandbox customer page, /dev/simulate and tests of the inbound pipeline.
 */

export type SimNumber = { phoneNumberId: string; wabaId: string; displayPhoneNumber: string; verifiedName?: string };

const seconds = (at = Date.now()) => String(Math.floor(at / 1000));
/** Meta writes the business number as digits only in webhook metadata. */
const digits = (s: string) => s.replace(/\D/g, "");

function messagesChange(number: SimNumber, value: Record<string, unknown>): WaWebhookPayload {
  return {
    object: "whatsapp_business_account",
    entry: [
      {
        id: number.wabaId,
        changes: [
          {
            field: "messages",
            value: {
              messaging_product: "whatsapp",
              metadata: { display_phone_number: digits(number.displayPhoneNumber), phone_number_id: number.phoneNumberId },
              ...value,
            },
          },
        ],
      },
    ],
  };
}

/** The content of a customer's message: everything but from/id/timestamp, e.g. {type:"text", text:{body:"hi"}}. */
export type InboundContent = Omit<WaInboundMessage, "from" | "id" | "timestamp">;

export type InboundInput = {
  number: SimNumber;
  from: string;
  profileName?: string;
  /** One or more messages of the same customer in one delivery (Meta batches bursts and albums this way). */
  messages: (InboundContent & { id?: string; at?: number })[];
};

/** A customer's message(s) as Meta delivers them; returns the payload and the wamids it carries. */
export function inboundPayload(input: InboundInput): { payload: WaWebhookPayload; wamids: string[] } {
  const messages: WaInboundMessage[] = input.messages.map(({ id, at, ...content }) => ({
    ...content,
    from: input.from,
    id: id ?? newWamid("SIMIN"),
    timestamp: seconds(at),
  }));
  const payload = messagesChange(input.number, {
    contacts: [{ profile: { name: input.profileName ?? input.from }, wa_id: input.from }],
    messages,
  });
  return { payload, wamids: messages.map((m) => m.id) };
}

export type StatusInput = {
  number: SimNumber;
  wamid: string;
  recipient: string;
  status: WaStatus["status"];
  at?: number;
  /** Pricing category of the conversation: "service" for free-form replies, the template's category otherwise. */
  category?: string;
  error?: { code: number; title: string; message?: string; details?: string };
};

/** A status callback for one of our sends (sent, delivered, read, failed). */
export function statusPayload(s: StatusInput): WaWebhookPayload {
  const category = s.category ?? "service";
  const status: WaStatus = { id: s.wamid, status: s.status, timestamp: seconds(s.at), recipient_id: s.recipient };
  if (s.status === "failed") {
    const e = s.error ?? { code: 131026, title: "Message undeliverable" };
    status.errors = [{ code: e.code, title: e.title, message: e.message ?? e.title, error_data: { details: e.details ?? e.title } }];
  } else if (s.status !== "read") {
    status.conversation = { id: `SIMCONV${s.recipient}`, origin: { type: category } };
    status.pricing = { billable: category !== "service", pricing_model: "PMP", category, type: "regular" };
  }
  return messagesChange(s.number, { statuses: [status] });
}

export type TemplateStatusInput = {
  wabaId: string;
  templateId: string | number;
  name: string;
  language: string;
  event: "APPROVED" | "REJECTED" | "PAUSED" | "DISABLED" | "PENDING_DELETION" | "FLAGGED" | "REINSTATED";
  reason?: string | null;
};

/** message_template_status_update, sent to the WABA's subscription when Meta reviews or pauses a template. */
export function templateStatusPayload(t: TemplateStatusInput): WaWebhookPayload {
  // Meta sends the id as a JSON number; an id that would not survive as one (too long, leading zero) stays a string.
  const id = Number(t.templateId);
  const exact = Number.isSafeInteger(id) && String(id) === String(t.templateId);
  return {
    object: "whatsapp_business_account",
    entry: [
      {
        id: t.wabaId,
        changes: [
          {
            field: "message_template_status_update",
            value: {
              event: t.event,
              message_template_id: exact ? id : String(t.templateId),
              message_template_name: t.name,
              message_template_language: t.language,
              reason: t.reason ?? (t.event === "REJECTED" ? "INVALID_FORMAT" : "NONE"),
            },
          },
        ],
      },
    ],
  };
}
