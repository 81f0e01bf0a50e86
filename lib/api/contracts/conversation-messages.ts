import { z } from "zod";
import { defineContract, idParams, idRef, idString } from "../contract";
import { MEDIA_LIMITS } from "@/lib/services/messages/media-limits";
import { outboundMessageSchema } from "./message-input";
import { messageSchema } from "./messages";

/** The thread of a conversation in the inbox: messages and notes, sending, search, typing. */

const tags = ["Messages"] as const;
const convo = { params: idParams, tenantResource: "conversation" } as const;

const cursorQuery = {
  cursor: z.string().trim().min(1).max(64).optional().describe("nextCursor of the previous page"),
  limit: z.coerce.number().int().min(1).max(100).default(50),
};

export const listConversationMessages = defineContract({
  method: "GET",
  path: "/conversations/{id}/messages",
  summary: "List messages of a conversation",
  description: "Oldest → newest within a page; `nextCursor` pages to OLDER messages. Internal notes (isPrivate) and hidden messages are included.",
  tags,
  access: "member",
  permission: "conversations.read",
  ...convo,
  query: z.strictObject(cursorQuery),
  response: z.object({ data: z.array(messageSchema), nextCursor: z.string().nullable() }),
});

/** The spec's `{type: "text", text}` is read as `{kind: "text", text}` (sendMessage validates it again as such). */
const textAlias = z
  .strictObject({
    type: z.literal("text"),
    text: z.string().trim().min(1, "is required").max(4096),
    previewUrl: z.boolean().optional(),
    replyToMessageId: idRef.optional(),
  })
  .transform(({ type, ...rest }) => ({ kind: type, ...rest }));

export const sendConversationMessage = defineContract({
  method: "POST",
  path: "/conversations/{id}/messages",
  summary: "Send a message in a conversation",
  description:
    "Text (optionally quoting `replyToMessageId`), interactive buttons/lists, a template, or media by `fileId`. " +
    "`{type: \"text\", text}` is accepted as an alias of `{kind: \"text\", text}`. Free-form messages outside the " +
    "24-hour window answer 422 WINDOW_CLOSED (send a template).",
  tags,
  access: "member",
  permission: "messages.send",
  ...convo,
  body: z.union([outboundMessageSchema, textAlias]),
  example: { kind: "text", text: "¡Hola! ¿En qué te ayudo?" },
  response: messageSchema,
  status: 201,
});

const MEDIA_TYPES = [...new Set(Object.values(MEDIA_LIMITS).flatMap((l) => l.types))];

export const sendConversationMedia = defineContract({
  method: "POST",
  path: "/conversations/{id}/messages/media",
  summary: "Send a media message (multipart upload)",
  description:
    "multipart/form-data: `file`, optional `caption` (images, videos, documents), `replyToMessageId`, `mediaType` " +
    "(image|audio|video|document|sticker; derived from the file otherwise). WhatsApp's types and sizes apply: 415 " +
    "with the allowed types, 413 with the limit. Outside the 24-hour window 422 WINDOW_CLOSED.",
  tags,
  access: "member",
  permission: "messages.send",
  ...convo,
  multipart: { field: "file", maxBytes: MEDIA_LIMITS.document.maxBytes, types: MEDIA_TYPES },
  response: messageSchema,
  status: 201,
});

export const createNote = defineContract({
  method: "POST",
  path: "/conversations/{id}/notes",
  summary: "Add an internal note to a conversation",
  description:
    "Shown to agents in the thread, never sent to WhatsApp; the conversation's status, last message and window stay " +
    "as they are. Each user in `mentions` (ids of members of the organization, else 404) gets a MENTION notification.",
  tags,
  access: "member",
  permission: "conversations.write",
  ...convo,
  body: z.strictObject({
    body: z.string().trim().min(1, "is required").max(4096),
    mentions: z.array(idRef).max(50).optional().describe("user ids; @name parsing is the client's job"),
  }),
  example: { body: "Customer asked for a refund, checking with billing" },
  response: messageSchema,
  status: 201,
});

export const sendTyping = defineContract({
  method: "POST",
  path: "/conversations/{id}/typing",
  summary: "Show the typing indicator to the customer",
  description:
    "Best effort: WhatsApp shows \"typing…\" (and marks the last customer message read) for up to 25 s or until we " +
    "answer. At most one call per conversation every 5 seconds reaches WhatsApp; the rest are absorbed.",
  tags,
  access: "member",
  permission: "messages.send",
  ...convo,
  body: z.strictObject({}),
  example: {},
  status: 204,
});

export const toggleHideMessage = defineContract({
  method: "POST",
  path: "/messages/{id}/toggle-hide",
  summary: "Hide or unhide a message in the thread",
  description: "Flips `hidden`: the message stays listed and is shown collapsed. Nothing changes on WhatsApp.",
  tags,
  access: "member",
  permission: "conversations.write",
  params: idParams,
  tenantResource: "message",
  body: z.strictObject({}),
  example: {},
  response: messageSchema,
});

export const searchMessages = defineContract({
  method: "GET",
  path: "/messages/search",
  summary: "Full-text search over messages (Spanish and English)",
  description:
    "Web-search syntax (`\"exact phrase\"`, `or`, `-word`). Newest first, only conversations the caller may see. " +
    "`headline` is an HTML-escaped snippet with the matches wrapped in <mark>…</mark>.",
  tags,
  access: "member",
  permission: "conversations.read",
  query: z.strictObject({
    q: z.string().trim().min(1, "is required").max(200),
    conversationId: idRef.optional(),
    ...cursorQuery,
  }),
  response: z.object({
    data: z.array(
      z.object({
        message: messageSchema,
        conversation: z.object({ id: idString, displayId: z.number().int(), contactName: z.string().nullable() }),
        headline: z.string(),
      }),
    ),
    nextCursor: z.string().nullable(),
  }),
});
