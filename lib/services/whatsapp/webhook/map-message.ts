import type { MessageMedia, messages } from "@/db/schema";
import type { WaInboundMessage, WaMedia } from "@/lib/whatsapp/webhook-types";

export type MessageType = (typeof messages.$inferSelect)["type"];

/** What one inbound WhatsApp message becomes in our model. Nothing is dropped: unknown types are kept as UNSUPPORTED. */
export type MappedMessage = {
  type: MessageType;
  body: string | null;
  media: MessageMedia | null;
  content: Record<string, unknown> | null;
  /** One line for the conversation list. */
  preview: string;
};

const MEDIA = {
  image: { type: "IMAGE", label: "📷 Photo" },
  video: { type: "VIDEO", label: "🎥 Video" },
  audio: { type: "AUDIO", label: "🎵 Audio" },
  document: { type: "DOCUMENT", label: "📄 Document" },
  sticker: { type: "STICKER", label: "💟 Sticker" },
} as const satisfies Record<string, { type: MessageType; label: string }>;

type MediaKind = keyof typeof MEDIA;
const isMediaKind = (t: string): t is MediaKind => t in MEDIA;

const PREVIEW_MAX = 200;
const clip = (s: string) => (s.length > PREVIEW_MAX ? `${s.slice(0, PREVIEW_MAX - 1)}…` : s);

const compact = <T extends Record<string, unknown>>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as Partial<T>;

function mapMedia(kind: MediaKind, m: WaMedia & { animated?: boolean }): MappedMessage {
  const media: MessageMedia = compact({
    waMediaId: m.id,
    mimeType: m.mime_type,
    sha256: m.sha256,
    caption: m.caption,
    filename: m.filename,
    voice: kind === "audio" ? Boolean(m.voice) : undefined,
    status: "PENDING" as const,
  });
  const label = kind === "audio" && m.voice ? "🎤 Voice message" : kind === "document" && m.filename ? `📄 ${m.filename}` : MEDIA[kind].label;
  return {
    type: MEDIA[kind].type,
    body: m.caption ?? null,
    media,
    content: kind === "sticker" && m.animated !== undefined ? { animated: m.animated } : null,
    preview: clip(m.caption ? `${label.split(" ")[0]} ${m.caption}` : label),
  };
}

function unsupported(m: WaInboundMessage): MappedMessage {
  return { type: "UNSUPPORTED", body: null, media: null, content: compact({ raw: m, errors: m.errors }), preview: "⚠️ Unsupported message" };
}

function mapByType(m: WaInboundMessage): MappedMessage {
  const t = m.type;
  if (isMediaKind(t)) {
    const media = m[t];
    return media?.id ? mapMedia(t, media) : unsupported(m);
  }
  switch (t) {
    case "text": {
      const body = m.text?.body ?? "";
      return { type: "TEXT", body, media: null, content: null, preview: clip(body) };
    }
    case "location": {
      const loc = m.location;
      if (!loc) return unsupported(m);
      const place = [loc.name, loc.address].filter(Boolean).join(", ");
      return { type: "LOCATION", body: place || null, media: null, content: compact({ ...loc }), preview: clip(`📍 ${place || "Location"}`) };
    }
    case "contacts": {
      const list = m.contacts ?? [];
      const first = (list[0]?.name as { formatted_name?: string } | undefined)?.formatted_name;
      const label = first ? `👤 ${first}${list.length > 1 ? ` +${list.length - 1}` : ""}` : "👤 Contact";
      return { type: "CONTACTS", body: first ?? null, media: null, content: { contacts: list }, preview: clip(label) };
    }
    case "interactive": {
      const i = m.interactive;
      const reply = i?.button_reply ?? i?.list_reply;
      if (!i || !reply) return i ? { type: "INTERACTIVE", body: null, media: null, content: { ...i }, preview: "↩️ Reply" } : unsupported(m);
      const content = compact({ type: i.type, id: reply.id, title: reply.title, description: i.list_reply?.description });
      return { type: "INTERACTIVE", body: reply.title, media: null, content, preview: clip(reply.title) };
    }
    case "button": {
      const text = m.button?.text ?? "";
      return { type: "BUTTON", body: text, media: null, content: compact({ payload: m.button?.payload, text }), preview: clip(text) };
    }
    case "reaction": {
      const emoji = m.reaction?.emoji ?? "";
      // An empty emoji is the customer taking their reaction back.
      const content = { emoji, messageId: m.reaction?.message_id ?? null, removed: emoji === "" };
      return { type: "REACTION", body: emoji || null, media: null, content, preview: emoji ? `Reacted ${emoji}` : "Removed a reaction" };
    }
    case "order": {
      const items = (m.order?.product_items as unknown[] | undefined)?.length ?? 0;
      return { type: "ORDER", body: (m.order?.text as string | undefined) ?? null, media: null, content: { ...m.order }, preview: `🛒 Order (${items} item${items === 1 ? "" : "s"})` };
    }
    case "system": {
      const system = (m as { system?: { body?: string } & Record<string, unknown> }).system;
      return { type: "SYSTEM", body: system?.body ?? null, media: null, content: { ...system }, preview: clip(system?.body ?? "System message") };
    }
    default:
      return unsupported(m);
  }
}

/** Maps a message of Meta's webhook; the ad referral and forwarding facts travel in content whatever the type. */
export function mapInboundMessage(m: WaInboundMessage): MappedMessage {
  const mapped = mapByType(m);
  const extra = compact({
    referral: m.referral,
    forwarded: m.context?.forwarded || undefined,
    referredProduct: m.context?.referred_product,
  });
  if (Object.keys(extra).length) mapped.content = { ...mapped.content, ...extra };
  return mapped;
}

/** Meta's timestamp is Unix seconds as a string; a broken one falls back to now rather than losing the message. */
export function providerTime(timestamp: string | undefined): Date {
  const at = new Date(Number(timestamp) * 1000);
  return Number.isNaN(at.getTime()) || at.getTime() <= 0 ? new Date() : at;
}
