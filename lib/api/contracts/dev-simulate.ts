import { z } from "zod";
import { defineContract, idRef, idString } from "../contract";

/**
 * /dev/simulate/*: drive the real WhatsApp pipeline with signed webhooks, as Meta would. Admins only; 404 in
 * production unless DEV_TOOLS=true. Storing is asynchronous (a job): each answer waits a few seconds for the stored
 * ids and gives null for what is still on its way (poll the conversation later).
 */

const tags = ["Dev"] as const;
const access = "member" as const;
const permission = "dev.simulate" as const;

const phone = z
  .string()
  .trim()
  .transform((v) => v.replace(/[\s()+.-]/g, ""))
  .pipe(z.string().regex(/^\d{8,15}$/, "must be a phone number with country code (8 to 15 digits)"));

const simulatedMessage = z.object({ wamid: z.string(), messageId: idString.nullable() });

export const simulateConversation = defineContract({
  method: "POST",
  path: "/dev/simulate/conversation",
  summary: "Simulate a single incoming conversation via webhook pipeline",
  tags,
  access,
  permission,
  status: 201,
  body: z.strictObject({
    name: z.string().trim().min(1).max(80).optional(),
    phone: phone.optional().describe("default: a random simulated number"),
    text: z.string().trim().min(1).max(4096).optional(),
  }),
  example: {},
  response: z.object({
    contactId: idString,
    waId: z.string(),
    conversationId: idString.nullable(),
    message: simulatedMessage,
  }),
});

export const simulateBatch = defineContract({
  method: "POST",
  path: "/dev/simulate/batch",
  summary: "Simulate a batch of incoming conversations",
  tags,
  access,
  permission,
  status: 201,
  body: z.strictObject({
    count: z.number().int().min(1).max(200).default(10),
    messagesPerConversation: z.number().int().min(1).max(20).default(1),
  }),
  example: {},
  response: z.object({
    conversations: z.array(z.object({ contactId: idString, waId: z.string(), wamids: z.array(z.string()) })),
    messages: z.number().int(),
  }),
});

export const simulateMessage = defineContract({
  method: "POST",
  path: "/dev/simulate/message",
  summary: "Simulate an incoming message on an existing conversation",
  tags,
  access,
  permission,
  status: 201,
  body: z.strictObject({ conversationId: idRef, text: z.string().trim().min(1).max(4096).optional() }),
  example: { conversationId: "1" },
  response: z.object({ conversationId: idString.nullable().describe("where the message landed (a closed conversation's customer opens a new one)"), message: simulatedMessage }),
});

export const simulateCleanup = defineContract({
  method: "DELETE",
  path: "/dev/simulate/cleanup",
  summary: "Delete all simulated conversations and messages",
  tags,
  access,
  permission,
  response: z.object({ contacts: z.number().int(), conversations: z.number().int(), messages: z.number().int() }),
});

export const simulateTemplateStatus = defineContract({
  method: "POST",
  path: "/dev/simulate/template-status",
  summary: "Simulate a template status update webhook from Meta",
  tags,
  access,
  permission,
  status: 202,
  body: z.strictObject({
    templateName: z.string().trim().min(1).max(512),
    language: z.string().trim().min(2).max(16).optional().describe("default: the template's first language"),
    event: z.enum(["APPROVED", "REJECTED", "PAUSED", "DISABLED"]),
    reason: z.string().trim().max(200).optional(),
  }),
  example: { templateName: "welcome", event: "APPROVED" },
  response: z.object({ templateId: idString, metaTemplateId: z.string(), event: z.string(), delivered: z.literal(true) }),
});
