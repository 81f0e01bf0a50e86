import { z } from "zod";
import { messageDirectionEnum, messageStatusEnum, messageTypeEnum, senderTypeEnum } from "@/db/schema/conversations";
import { defineContract, idParams, idRef, idString, iso, queryBoolean } from "../contract";

const tags = ["Messages"] as const;

// The database enums are the single source of these values.
export const messageDirectionSchema = z.enum(messageDirectionEnum.enumValues);
export const messageStatusSchema = z.enum(messageStatusEnum.enumValues);
export const messageTypeSchema = z.enum(messageTypeEnum.enumValues);
export const senderTypeSchema = z.enum(senderTypeEnum.enumValues);

/** One message as every client sees it (inbox thread, failed-messages admin, API). */
export const messageSchema = z.object({
  id: idString,
  conversationId: idString,
  direction: messageDirectionSchema,
  type: messageTypeSchema,
  body: z.string().nullable(),
  media: z
    .object({
      url: z.string().nullable().describe("/api/files/{fileId} once stored"),
      mimeType: z.string().nullable(),
      filename: z.string().nullable(),
      caption: z.string().nullable(),
      status: z.string().nullable(),
    })
    .nullable(),
  content: z.record(z.string(), z.unknown()).nullable().describe("type-specific content (interactive, template, location, reaction…)"),
  status: messageStatusSchema,
  senderType: senderTypeSchema,
  sender: z.object({ id: idString, name: z.string() }).nullable(),
  replyTo: z.object({ id: idString, body: z.string().nullable() }).nullable(),
  templateName: z.string().nullable(),
  isPrivate: z.boolean().describe("an internal note: shown to agents, never sent to WhatsApp"),
  mentions: z.array(idString).describe("users @mentioned in a note"),
  hidden: z.boolean().describe("hidden by an agent (toggle-hide); still listed, shown collapsed"),
  error: z
    .object({
      code: z.number().nullable(),
      title: z.string().nullable(),
      details: z.string().nullable(),
      permanent: z.boolean().describe("no retry can fix it (e.g. outside the 24-hour window, not on WhatsApp)"),
    })
    .nullable(),
  sentAt: iso.nullable(),
  deliveredAt: iso.nullable(),
  readAt: iso.nullable(),
  failedAt: iso.nullable(),
  createdAt: iso,
});
export type MessageDto = z.infer<typeof messageSchema>;

export const failedMessageSchema = messageSchema.extend({
  retryCount: z.number().int(),
  discardedAt: iso.nullable(),
  conversation: z.object({ id: idString, displayId: z.number().int(), status: z.string() }),
  contact: z.object({ id: idString, waId: z.string(), name: z.string().nullable() }),
});
export type FailedMessageDto = z.infer<typeof failedMessageSchema>;

const textFilters = {
  templateName: z.string().trim().min(1).max(512).optional(),
  search: z.string().trim().min(1).max(200).optional(),
};
export type FailedFilters = { permanent?: boolean; templateName?: string; search?: string };

export const failedListQuery = z.strictObject({
  status: z.enum(["FAILED", "DISCARDED", "all"]).default("FAILED").describe("FAILED: not discarded; DISCARDED: discarded; all: both"),
  permanent: queryBoolean.optional(),
  ...textFilters,
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type FailedListQuery = z.output<typeof failedListQuery>;

export const listFailedMessages = defineContract({
  method: "GET",
  path: "/messages/failed",
  summary: "List failed outbound messages (admin only)",
  tags,
  access: "member",
  permission: "messages.manage",
  query: failedListQuery,
  response: z.object({ data: z.array(failedMessageSchema), page: z.number(), limit: z.number(), total: z.number() }),
});

export const failedMessageStats = defineContract({
  method: "GET",
  path: "/messages/failed/stats",
  summary: "Get failed message statistics (admin only)",
  description: "Counts of failed, not discarded outbound messages: permanent vs retryable, recent, and by Meta error.",
  tags,
  access: "member",
  permission: "messages.manage",
  response: z.object({
    total: z.number().int(),
    permanent: z.number().int(),
    retryable: z.number().int(),
    discarded: z.number().int(),
    last24h: z.number().int(),
    last7d: z.number().int(),
    byError: z.array(z.object({ code: z.number().nullable(), title: z.string().nullable(), count: z.number().int(), permanent: z.number().int() })),
  }),
});

export const retrySend = defineContract({
  method: "POST",
  path: "/messages/{id}/retry-send",
  summary: "Retry sending a failed message (admin only)",
  description: "Only a FAILED, not discarded message (else 422 NOT_FAILED). A free-form message whose 24-hour window has closed answers 422 WINDOW_CLOSED.",
  tags,
  access: "member",
  permission: "messages.manage",
  params: idParams,
  tenantResource: "message",
  response: failedMessageSchema,
});

export const discardMessage = defineContract({
  method: "POST",
  path: "/messages/{id}/discard",
  summary: "Mark a failed message as permanently discarded (admin only)",
  tags,
  access: "member",
  permission: "messages.manage",
  params: idParams,
  tenantResource: "message",
  response: failedMessageSchema,
});

export const bulkFailedBody = z
  .strictObject({
    selection: z
      .discriminatedUnion("mode", [
        z.strictObject({ mode: z.literal("ids"), ids: z.array(idRef).min(1).max(500) }),
        z.strictObject({ mode: z.literal("all"), filters: z.strictObject({ permanent: z.boolean().optional(), ...textFilters }).optional(), excludeIds: z.array(idRef).max(5000).optional() }),
      ])
      .optional(),
    messageIds: z.array(idRef).min(1).max(500).optional().describe("shorthand for selection {mode: \"ids\"}"),
  })
  .refine((b) => Boolean(b.selection) !== Boolean(b.messageIds), { message: "Give exactly one of selection, messageIds" });
export type BulkFailedInput = z.output<typeof bulkFailedBody>;

const bulkResult = z.object({
  matched: z.number().int(),
  succeeded: z.number().int(),
  failed: z.array(z.object({ id: idString, code: z.string(), message: z.string() })),
});

export const bulkRetry = defineContract({
  method: "POST",
  path: "/messages/failed/bulk-retry",
  summary: "Retry multiple failed messages (admin only)",
  description: "Runs the single retry rules message by message and reports the ones that could not be retried. At most 1,000 per call with mode all.",
  tags,
  access: "member",
  permission: "messages.manage",
  body: bulkFailedBody,
  example: { selection: { mode: "ids", ids: ["12", "15"] } },
  response: bulkResult,
});

export const bulkDiscard = defineContract({
  method: "POST",
  path: "/messages/failed/bulk-discard",
  summary: "Discard multiple failed messages (admin only)",
  tags,
  access: "member",
  permission: "messages.manage",
  body: bulkFailedBody,
  example: { selection: { mode: "all", filters: { permanent: true } } },
  response: bulkResult,
});

export const reactToMessage = defineContract({
  method: "POST",
  path: "/messages/{id}/react",
  summary: "Send a reaction to a message via WhatsApp",
  description: "An empty emoji removes our reaction. Goes through the outbound path, so the 24-hour window applies.",
  tags,
  access: "member",
  permission: "messages.send",
  params: idParams,
  tenantResource: "message",
  body: z.strictObject({ emoji: z.string().max(16) }),
  example: { emoji: "👍" },
  response: messageSchema,
  status: 201,
});
