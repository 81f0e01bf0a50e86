import { z } from "zod";
import { idRef } from "../contract";

/**
 * What can be sent through the one outbound path (lib/services/messages/send-message.ts), with WhatsApp's limits
 * (https://developers.facebook.com/docs/whatsapp/cloud-api/messages). The inbox, the bot and campaigns all validate
 * against these schemas, so a limit breached anywhere answers 400 with field details before anything is stored.
 */

const replyTo = { replyToMessageId: idRef.optional().describe("our id of the message to quote (same conversation)") };
const trimmed = (max: number) => z.string().trim().min(1, "is required").max(max, `must be at most ${max} characters`);

export const mediaTypeSchema = z.enum(["image", "audio", "video", "document", "sticker"]);

const textInput = z.strictObject({
  kind: z.literal("text"),
  text: trimmed(4096),
  previewUrl: z.boolean().optional().describe("let WhatsApp render a preview of the first link"),
  ...replyTo,
});

/** A stored file of the org (`fileId`) or, for callers inside the product, an upload given beside the input. */
const mediaInput = z.strictObject({
  kind: z.literal("media"),
  fileId: idRef.optional(),
  mediaType: mediaTypeSchema.optional().describe("derived from the file's type when omitted"),
  caption: z.string().trim().max(1024).optional(),
  filename: z.string().trim().min(1).max(240).optional(),
  ...replyTo,
});

export const templateParametersSchema = z.strictObject({
  header: z
    .strictObject({
      text: z.string().max(60).optional().describe("value of the {{1}} of a TEXT header"),
      fileId: idRef.optional().describe("stored file for an IMAGE/VIDEO/DOCUMENT header (default: the template's own)"),
      link: z.string().url().optional().describe("public URL of the header media, instead of a stored file"),
      filename: z.string().max(240).optional(),
    })
    .optional(),
  body: z
    .union([z.array(z.string().max(1024)).max(30), z.record(z.string().regex(/^[a-z0-9_]+$/), z.string().max(1024))])
    .optional()
    .describe("positional values for {{1}}, {{2}}… or, for templates with named parameters, an object"),
  buttons: z
    .array(
      z.strictObject({
        index: z.number().int().min(0).max(9),
        text: z.string().max(2000).optional().describe("the {{1}} suffix of a URL button"),
        payload: z.string().max(1000).optional().describe("what a QUICK_REPLY button sends back"),
        couponCode: z.string().max(15).optional().describe("the code of a COPY_CODE button"),
      }),
    )
    .max(10)
    .optional(),
});
export type TemplateParameters = z.output<typeof templateParametersSchema>;

export const templateRefSchema = {
  language: z
    .string()
    .regex(/^[a-z]{2,3}(_[A-Za-z]{2,4})?$/, "must be a language code like es_MX")
    .optional(),
  parameters: templateParametersSchema.optional(),
};

const templateInput = z.strictObject({
  kind: z.literal("template"),
  name: z.string().trim().min(1).max(512),
  ...templateRefSchema,
});

const buttonsInteractive = z.strictObject({
  type: z.literal("button"),
  header: trimmed(60).optional(),
  body: trimmed(1024),
  footer: trimmed(60).optional(),
  buttons: z
    .array(z.strictObject({ id: trimmed(256), title: trimmed(20) }))
    .min(1, "needs at least one button")
    .max(3, "WhatsApp allows at most 3 reply buttons"),
});

const listInteractive = z.strictObject({
  type: z.literal("list"),
  header: trimmed(60).optional(),
  body: trimmed(4096),
  footer: trimmed(60).optional(),
  button: trimmed(20).describe("label of the button that opens the list"),
  sections: z
    .array(
      z.strictObject({
        title: trimmed(24).optional(),
        rows: z
          .array(z.strictObject({ id: trimmed(200), title: trimmed(24), description: trimmed(72).optional() }))
          .min(1, "needs at least one row"),
      }),
    )
    .min(1, "needs at least one section")
    .max(10, "WhatsApp allows at most 10 sections"),
});

const interactiveInput = z.strictObject({
  kind: z.literal("interactive"),
  interactive: z.discriminatedUnion("type", [buttonsInteractive, listInteractive]),
  ...replyTo,
});

const reactionInput = z.strictObject({
  kind: z.literal("reaction"),
  messageId: idRef.describe("our id of the message reacted to"),
  emoji: z.string().max(16).describe("one emoji; empty removes the reaction"),
});

/** Rules that span fields: unique ids, WhatsApp's 10-row total, section titles once there are several sections. */
function crossFieldRules(input: z.output<typeof interactiveInput>, ctx: z.RefinementCtx) {
  const i = input.interactive;
  const dup = (ids: string[], path: (number | string)[]) => {
    const seen = new Set<string>();
    ids.forEach((id, n) => {
      if (seen.has(id)) ctx.addIssue({ code: "custom", path: [...path, n, "id"], message: "ids must be unique" });
      seen.add(id);
    });
  };
  if (i.type === "button") {
    dup(
      i.buttons.map((b) => b.id),
      ["interactive", "buttons"],
    );
    return;
  }
  const rows = i.sections.flatMap((s) => s.rows);
  if (rows.length > 10) ctx.addIssue({ code: "custom", path: ["interactive", "sections"], message: "WhatsApp allows at most 10 rows in all sections" });
  i.sections.forEach((s, n) => {
    if (i.sections.length > 1 && !s.title) ctx.addIssue({ code: "custom", path: ["interactive", "sections", n, "title"], message: "is required when there are several sections" });
  });
  const seen = new Set<string>();
  i.sections.forEach((s, n) =>
    s.rows.forEach((r, m) => {
      if (seen.has(r.id)) ctx.addIssue({ code: "custom", path: ["interactive", "sections", n, "rows", m, "id"], message: "ids must be unique" });
      seen.add(r.id);
    }),
  );
}

export const outboundMessageSchema = z.discriminatedUnion("kind", [
  textInput,
  mediaInput,
  templateInput,
  interactiveInput.superRefine(crossFieldRules),
  reactionInput,
]);

export type OutboundMessage = z.output<typeof outboundMessageSchema>;
export type OutboundMessageInput = z.input<typeof outboundMessageSchema>;
