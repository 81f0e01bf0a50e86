import { z } from "zod";
import { defineContract, idParam, idParams, idRef, idString, optionalText, queryBoolean } from "../contract";
import { conversationPrioritySchema, conversationSchema, conversationStatusSchema } from "./inbox-schemas";

const tags = ["Conversations"] as const;
const tenantResource = "conversation";

const assignedTo = z
  .union([z.literal("me"), z.literal("unassigned"), idParam])
  .optional()
  .describe('"me", "unassigned" or a user id');
const flag = queryBoolean.optional();
const instant = z
  .string()
  .datetime({ offset: true, message: "must be an ISO-8601 timestamp" })
  .transform((v) => new Date(v));
const empty = z.strictObject({});

export const SORTS = ["newest", "oldest", "waiting_longest", "created_newest", "created_oldest"] as const;

export const listConversations = defineContract({
  method: "GET",
  path: "/conversations",
  summary: "List conversations with filters",
  description:
    "Without `status`, every status except CLOSED. Conversations snoozed into the future are hidden unless `snoozed=true` (then only those). " +
    "`needs_action`: OPEN, or HUMAN_HANDLING with the customer's message last. `waiting_longest`: conversations whose last message is the " +
    "customer's, oldest first. `search` matches the contact's name, WhatsApp profile name, number or the conversation's #number. " +
    "Pass `nextCursor` back as `cursor` (with the same sort) for the next page.",
  tags,
  access: "member",
  permission: "conversations.read",
  query: z.strictObject({
    status: conversationStatusSchema.optional(),
    assignedTo,
    teamId: idParam.optional(),
    tagId: idParam.optional(),
    priority: conversationPrioritySchema.optional(),
    search: z.string().trim().max(200).optional(),
    subFilter: z.enum(["unread", "needs_action"]).optional(),
    sort: z.enum(SORTS).default("newest"),
    snoozed: flag,
    cursor: z.string().max(300).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  }),
  response: z.object({ data: z.array(conversationSchema), nextCursor: z.string().nullable() }),
});

const countPair = z.object({ total: z.number().int(), unread: z.number().int() });

export const conversationCounts = defineContract({
  method: "GET",
  path: "/conversations/counts",
  summary: "Get sub-filter counts (all, unread, needs_action)",
  description:
    "Conversations that are not CLOSED (unless `status` says otherwise) and not snoozed. `views` (Mine / Unassigned / All) ignore `assignedTo`. " +
    "`origin`: `ad` (opened from a click-to-WhatsApp ad) or `organic`.",
  tags,
  access: "member",
  permission: "conversations.read",
  query: z.strictObject({
    status: conversationStatusSchema.optional(),
    assignedTo,
    teamId: idParam.optional(),
    category: z.string().trim().min(1).max(60).optional(),
    origin: z.enum(["ad", "organic"]).optional(),
  }),
  response: z.object({
    all: z.number().int(),
    unread: z.number().int(),
    needsAction: z.number().int(),
    views: z.object({ mine: countPair, unassigned: countPair, all: countPair }),
  }),
});

export const conversationCategories = defineContract({
  method: "GET",
  path: "/conversations/categories",
  summary: "Get distinct conversation categories",
  tags,
  access: "member",
  permission: "conversations.read",
  response: z.object({ data: z.array(z.string()) }),
});

export const bulkConversations = defineContract({
  method: "POST",
  path: "/conversations/bulk",
  summary: "Apply one action to selected conversations",
  description:
    "Each conversation goes through the rules of the single endpoint; those refused are listed in `failed` with their error code. " +
    "`assign` needs `userId`, `tag`/`untag` need `tagId`, `priority` needs `priority`.",
  tags,
  access: "member",
  permission: "conversations.write",
  body: z
    .strictObject({
      ids: z.array(idRef).min(1).max(200),
      action: z.enum(["assign", "unassign", "resolve", "tag", "untag", "priority"]),
      userId: idRef.optional(),
      tagId: idRef.optional(),
      priority: conversationPrioritySchema.optional(),
    })
    .superRefine((b, ctx) => {
      const needs = { assign: "userId", tag: "tagId", untag: "tagId", priority: "priority" } as const;
      const field = needs[b.action as keyof typeof needs];
      if (field && b[field] === undefined) ctx.addIssue({ code: "custom", path: [field], message: `is required for action "${b.action}"` });
    }),
  example: { ids: ["1", "2"], action: "resolve" },
  response: z.object({
    matched: z.number().int(),
    succeeded: z.number().int(),
    failed: z.array(z.object({ id: idString, code: z.string(), message: z.string() })),
  }),
});

export const getConversation = defineContract({
  method: "GET",
  path: "/conversations/{id}",
  summary: "Get conversation by ID",
  tags,
  access: "member",
  permission: "conversations.read",
  params: idParams,
  tenantResource,
  response: conversationSchema,
});

export const updateConversation = defineContract({
  method: "PATCH",
  path: "/conversations/{id}",
  summary: "Update conversation (status, priority, category, snooze, team)",
  description:
    "CLOSED resolves; leaving CLOSED reopens (422 ACTIVE_CONVERSATION_EXISTS when the contact has another open one). OPEN and BOT_HANDLING " +
    "release the assignee; HUMAN_HANDLING needs one (422 NOT_ASSIGNED). `snoozedUntil` must be in the future; null wakes it up.",
  tags,
  access: "member",
  permission: "conversations.write",
  params: idParams,
  tenantResource,
  body: z
    .strictObject({
      status: conversationStatusSchema.optional(),
      priority: conversationPrioritySchema.optional(),
      category: optionalText(60).optional(),
      snoozedUntil: instant.nullable().optional(),
      teamId: idRef.nullable().optional(),
    })
    .refine((b) => Object.values(b).some((v) => v !== undefined), "Send at least one of: status, priority, category, snoozedUntil, teamId"),
  example: { priority: "HIGH" },
  response: conversationSchema,
});

const action = (path: string, summary: string, extra: { description?: string; access?: "user" } = {}) =>
  ({
    method: "POST",
    path: `/conversations/{id}/${path}`,
    summary,
    tags,
    access: "member",
    permission: "conversations.write",
    params: idParams,
    tenantResource,
    body: empty,
    example: {},
    response: conversationSchema,
    ...extra,
  }) as const;

export const takeoverConversation = defineContract(
  action("takeover", "Agent takes over conversation from bot", {
    access: "user",
    description: "HUMAN_HANDLING, assigned to the caller, with a system note in the thread. Someone else's conversation needs an admin (403).",
  }),
);

export const returnToBot = defineContract({
  ...action("return-to-bot", "Return conversation to bot handling", {
    description: "BOT_HANDLING and unassigned. Without `handoffSummary`, an extractive summary of the customer's last messages is stored.",
  }),
  body: z.strictObject({ handoffSummary: optionalText(2000).optional() }),
  example: { handoffSummary: "Customer asks about a refund for order 1234." },
});

export const readConversation = defineContract(
  action("read", "Mark conversation as read", { description: "unreadCount 0 and a WhatsApp read receipt for the customer's latest message." }),
);

export const assignConversation = defineContract({
  ...action("assign", "Assign conversation to an agent", {
    description:
      "The assignee gets an ASSIGNED notification. Agents assign what nobody holds or what they hold; reassigning someone else's needs an admin (403). " +
      "A user outside the org (or deleted) is a 404; an agent outside the conversation's team is refused (422 ASSIGNEE_NOT_IN_TEAM).",
  }),
  body: z.strictObject({ userId: idRef, teamId: idRef.nullable().optional() }),
  example: { userId: "1" },
});

export const unassignConversation = defineContract(action("unassign", "Unassign conversation (release it for other agents)"));

export const resolveConversation = defineContract(action("resolve", "Resolve conversation (mark as resolved)"));

export const setFollowUp = defineContract({
  ...action("follow-up", "Mark conversation for follow-up", { description: "`at` defaults to 24 hours from now and must be in the future." }),
  body: z.strictObject({ note: optionalText(500).optional(), at: instant.optional() }),
  example: { note: "Call back about the invoice" },
});

export const clearFollowUp = defineContract({
  method: "DELETE",
  path: "/conversations/{id}/follow-up",
  summary: "Remove follow-up from conversation",
  tags,
  access: "member",
  permission: "conversations.write",
  params: idParams,
  tenantResource,
  response: conversationSchema,
});

export const contactHistory = defineContract({
  method: "GET",
  path: "/conversations/{id}/contact-history",
  summary: "Get other conversations from the same contact",
  tags,
  access: "member",
  permission: "conversations.read",
  params: idParams,
  tenantResource,
  response: z.object({ data: z.array(conversationSchema) }),
});

export const generateHandoffSummary = defineContract({
  ...action("generate-handoff-summary", "Generate a handoff summary preview for agent review", {
    description: "With the org's AI provider when one is configured, otherwise an extractive summary of the customer's last messages. Nothing is stored.",
  }),
  response: z.object({ summary: z.string(), source: z.enum(["ai", "extractive"]) }),
});
