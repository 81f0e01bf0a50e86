import { z } from "zod";
import { MEDIA_LIMITS } from "@/lib/services/messages/media-limits";
import { defineContract, idParams, idRef, queryBoolean } from "../contract";
import { quickReplySchema } from "./inbox-schemas";

const tags = ["Quick replies"] as const;
const read = { tags, access: "member", permission: "quick_replies.read" } as const;
const manage = { tags, access: "member", permission: "quick_replies.manage" } as const;

/** Typed after "/" in the composer: lowercase so that "/Hola" and "/hola" cannot name two different replies. */
export const shortcutSchema = z
  .string()
  .trim()
  .toLowerCase()
  .transform((v) => v.replace(/^\//, ""))
  .pipe(z.string().regex(/^[a-z0-9_-]{1,32}$/, "must be 1–32 lowercase letters, digits, _ or -"));

const category = z
  .string()
  .trim()
  .max(60)
  .transform((v) => v || null)
  .nullable();

const fields = {
  shortcut: shortcutSchema,
  title: z.string().trim().min(1, "is required").max(120),
  body: z.string().trim().min(1, "is required").max(4096),
  category: category.optional(),
  isActive: z.boolean().optional(),
};

const filters = {
  search: z.string().trim().max(100).optional().describe("matches shortcut, title and body"),
  category: z.string().trim().max(60).optional(),
};

const list = z.object({ data: z.array(quickReplySchema) });

/** Any type WhatsApp sends as media; the size limit of each type applies (lib/services/messages/media-limits.ts). */
export const QUICK_REPLY_MEDIA = {
  field: "file",
  maxBytes: Math.max(...Object.values(MEDIA_LIMITS).map((m) => m.maxBytes)),
  types: [...new Set(Object.values(MEDIA_LIMITS).flatMap((m) => m.types))],
};

export const listQuickReplies = defineContract({
  ...read,
  method: "GET",
  path: "/quick-replies",
  summary: "List active quick replies (all agents)",
  description: "Active ones only, sorted by shortcut.",
  query: z.strictObject(filters),
  response: list,
});

export const listAllQuickReplies = defineContract({
  ...manage,
  method: "GET",
  path: "/quick-replies/all",
  summary: "List all quick replies including inactive (admin only)",
  query: z.strictObject({ ...filters, isActive: queryBoolean.optional() }),
  response: list,
});

export const createQuickReply = defineContract({
  ...manage,
  method: "POST",
  path: "/quick-replies",
  summary: "Create a quick reply (admin only)",
  description:
    "Shortcuts are unique per organization (409 CONFLICT). The body may hold placeholders filled when an agent inserts it: " +
    "{{name}}, {{first_name}}, {{phone}}, {{agent}}, {{org}}.",
  body: z.strictObject(fields),
  example: { shortcut: "hola", title: "Saludo", body: "¡Hola {{first_name}}! Soy {{agent}} de {{org}}.", category: "Saludos" },
  response: quickReplySchema,
  status: 201,
});

export const updateQuickReply = defineContract({
  ...manage,
  method: "PATCH",
  path: "/quick-replies/{id}",
  summary: "Update a quick reply (admin only)",
  params: idParams,
  tenantResource: "quickReply",
  body: z
    .strictObject({ ...fields, shortcut: fields.shortcut.optional(), title: fields.title.optional(), body: fields.body.optional() })
    .refine((b) => Object.values(b).some((v) => v !== undefined), { message: "Give at least one field to change" }),
  example: { isActive: false },
  response: quickReplySchema,
});

export const deleteQuickReply = defineContract({
  ...manage,
  method: "DELETE",
  path: "/quick-replies/{id}",
  summary: "Delete a quick reply (admin only)",
  description: "Its media file is deleted with it.",
  params: idParams,
  tenantResource: "quickReply",
  status: 204,
});

const bulkActions = ["delete", "activate", "deactivate"] as const;

export const bulkQuickRepliesBody = z.strictObject({
  action: z.enum(bulkActions),
  selection: z.discriminatedUnion("mode", [
    z.strictObject({ mode: z.literal("ids"), ids: z.array(idRef).min(1).max(500) }),
    z.strictObject({ mode: z.literal("all"), excludeIds: z.array(idRef).max(5000).optional() }),
  ]),
});
export type BulkQuickRepliesInput = z.output<typeof bulkQuickRepliesBody>;

export const bulkQuickReplies = defineContract({
  ...manage,
  method: "POST",
  path: "/quick-replies/bulk",
  summary: "Bulk actions on quick replies (admin only)",
  description: "matched: the selected quick replies of the organization (other organizations' ids do not match); succeeded: those changed.",
  body: bulkQuickRepliesBody,
  example: { action: "deactivate", selection: { mode: "ids", ids: ["1", "2"] } },
  response: z.object({ matched: z.number().int(), succeeded: z.number().int() }),
});

export const uploadQuickReplyMedia = defineContract({
  ...manage,
  method: "POST",
  path: "/quick-replies/{id}/media",
  summary: "Upload media attachment for a quick reply (admin only)",
  description:
    "multipart/form-data, the file in `file`, within WhatsApp's media limits: image JPEG/PNG 5 MB; audio AAC/AMR/MPEG/MP4/OGG " +
    "16 MB; video MP4/3GPP 16 MB; documents (PDF, text, Office) 100 MB; sticker WebP 500 KB (415/413 otherwise). " +
    "Replaces (and deletes) the previous attachment.",
  params: idParams,
  tenantResource: "quickReply",
  multipart: QUICK_REPLY_MEDIA,
  response: quickReplySchema,
});

export const removeQuickReplyMedia = defineContract({
  ...manage,
  method: "DELETE",
  path: "/quick-replies/{id}/media",
  summary: "Remove media from a quick reply (admin only)",
  description: "Deletes the stored file. Without an attachment nothing changes.",
  params: idParams,
  tenantResource: "quickReply",
  response: quickReplySchema,
});
