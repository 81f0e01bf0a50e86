import type { MessageRow } from "@/db/queries/outbound";
import type { HeaderMedia } from "./template-payload";

/**
 * The Cloud API message object for a stored outbound message (graph.sendMessage adds messaging_product and
 * recipient_type). Pure: the worker resolves media ids first and passes them in.
 */
export function buildPayload(m: Pick<MessageRow, "type" | "body" | "media" | "content" | "replyToProviderId">, to: string, mediaId?: string): Record<string, unknown> {
  const content = (m.content ?? {}) as Record<string, unknown>;
  // A reaction names its message itself; anything else may quote one.
  const context = m.replyToProviderId && m.type !== "REACTION" ? { context: { message_id: m.replyToProviderId } } : {};
  const base = { to, ...context };
  switch (m.type) {
    case "TEXT":
      return { ...base, type: "text", text: { body: m.body ?? "", preview_url: Boolean(content.previewUrl) } };
    case "IMAGE":
    case "VIDEO":
    case "AUDIO":
    case "DOCUMENT":
    case "STICKER": {
      const type = m.type.toLowerCase();
      if (!mediaId) throw new Error(`media message without a media id`);
      const media: Record<string, unknown> = { id: mediaId };
      if (m.media?.caption && type !== "audio" && type !== "sticker") media.caption = m.media.caption;
      if (type === "document" && m.media?.filename) media.filename = m.media.filename;
      return { ...base, type, [type]: media };
    }
    case "TEMPLATE":
      return { ...base, type: "template", template: withHeaderMedia(content.template as TemplateObject, content.headerMedia as HeaderMedia | undefined, mediaId) };
    case "INTERACTIVE":
      return { ...base, type: "interactive", interactive: content.interactive };
    case "REACTION":
      return { ...base, type: "reaction", reaction: content.reaction };
    default:
      throw new Error(`${m.type} messages cannot be sent`);
  }
}

type TemplateObject = { name: string; language: { code: string }; components: Record<string, unknown>[] };

/** Fills the header media parameter left empty by resolveTemplate: Meta's media id after upload, or the public link. */
function withHeaderMedia(t: TemplateObject, media: HeaderMedia | undefined, mediaId?: string): TemplateObject {
  if (!media) return t;
  const ref: Record<string, unknown> = media.link ? { link: media.link } : { id: mediaId };
  if (media.filename) ref.filename = media.filename;
  return {
    ...t,
    components: t.components.map((c) => (c.type === "header" ? { ...c, parameters: [{ type: media.type, [media.type]: ref }] } : c)),
  };
}

/** Cloud API interactive object from our input (buttons or list). */
export function interactiveObject(i: InteractiveInput): Record<string, unknown> {
  const header = i.header ? { header: { type: "text", text: i.header } } : {};
  const footer = i.footer ? { footer: { text: i.footer } } : {};
  if (i.type === "button") {
    return {
      type: "button",
      ...header,
      body: { text: i.body },
      ...footer,
      action: { buttons: i.buttons.map((b) => ({ type: "reply", reply: { id: b.id, title: b.title } })) },
    };
  }
  return {
    type: "list",
    ...header,
    body: { text: i.body },
    ...footer,
    action: {
      button: i.button,
      sections: i.sections.map((s) => ({
        ...(s.title ? { title: s.title } : {}),
        rows: s.rows.map((r) => ({ id: r.id, title: r.title, ...(r.description ? { description: r.description } : {}) })),
      })),
    },
  };
}

type InteractiveInput =
  | { type: "button"; header?: string; body: string; footer?: string; buttons: { id: string; title: string }[] }
  | { type: "list"; header?: string; body: string; footer?: string; button: string; sections: { title?: string; rows: { id: string; title: string; description?: string }[] }[] };
