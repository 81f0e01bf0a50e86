import { z } from "zod";
import { defineContract, idParams, idRef, idString, iso } from "../contract";

/**
 * The customer side of the sandbox number (/sandbox page): simulated customers write to the organization's sandbox
 * number through the real webhook, and see the business's answers with their ticks. Outside production only (or
 * DEV_TOOLS=true); 404 otherwise.
 */

const tags = ["Sandbox"] as const;
const access = "member" as const;
const permission = "sandbox.use" as const;

export const sandboxNumberSchema = z.object({
  id: idString,
  phoneNumberId: z.string(),
  displayPhoneNumber: z.string().nullable(),
  verifiedName: z.string().nullable(),
});

export const sandboxCustomerSchema = z.object({
  id: idString.describe("the contact's id"),
  name: z.string().nullable(),
  waId: z.string(),
  conversationId: idString.nullable().describe("latest conversation"),
  conversationStatus: z.string().nullable(),
  lastMessageAt: iso.nullable(),
  lastMessagePreview: z.string().nullable(),
  createdAt: iso,
});
export type SandboxCustomerDto = z.infer<typeof sandboxCustomerSchema>;

const replyOption = z.object({ id: z.string(), title: z.string(), description: z.string().nullable() });

/** What the customer can tap on a business message. */
export const sandboxActionsSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("buttons"), buttons: z.array(replyOption) }),
  z.object({ kind: z.literal("list"), button: z.string(), sections: z.array(z.object({ title: z.string().nullable(), rows: z.array(replyOption) })) }),
  z.object({ kind: z.literal("quick_replies"), buttons: z.array(z.object({ text: z.string(), payload: z.string() })) }),
]);

export const sandboxMessageSchema = z.object({
  id: idString,
  wamid: z.string().nullable(),
  from: z.enum(["customer", "business"]),
  type: z.string(),
  header: z.string().nullable(),
  body: z.string().nullable(),
  footer: z.string().nullable(),
  media: z.object({ url: z.string().nullable(), mimeType: z.string().nullable(), filename: z.string().nullable(), status: z.string().nullable() }).nullable(),
  location: z.object({ latitude: z.number(), longitude: z.number(), name: z.string().nullable(), address: z.string().nullable() }).nullable(),
  actions: sandboxActionsSchema.nullable(),
  status: z.enum(["PENDING", "SENT", "DELIVERED", "READ", "FAILED"]).describe("customer messages: READ once the business marked them read"),
  error: z.object({ code: z.number().nullable(), title: z.string().nullable() }).nullable(),
  replyTo: z.object({ id: idString, body: z.string().nullable() }).nullable(),
  reactions: z.object({ customer: z.string().nullable(), business: z.string().nullable() }),
  templateName: z.string().nullable(),
  createdAt: iso,
});
export type SandboxMessageDto = z.infer<typeof sandboxMessageSchema>;

export const listSandboxCustomers = defineContract({
  method: "GET",
  path: "/sandbox/customers",
  summary: "The sandbox number and its simulated customers",
  tags,
  access,
  permission,
  response: z.object({ number: sandboxNumberSchema, data: z.array(sandboxCustomerSchema) }),
});

export const createSandboxCustomer = defineContract({
  method: "POST",
  path: "/sandbox/customers",
  summary: "Create a simulated customer (a contact marked simulated)",
  tags,
  access,
  permission,
  status: 201,
  body: z.strictObject({
    name: z.string().trim().min(1, "is required").max(80),
    phone: z
      .string()
      .trim()
      .transform((v) => v.replace(/[\s()+.-]/g, ""))
      .pipe(z.string().regex(/^\d{8,15}$/, "must be a phone number with country code (8 to 15 digits)")),
  }),
  example: { name: "Ana López", phone: "+52 55 1234 5678" },
  response: sandboxCustomerSchema,
});

export const getSandboxThread = defineContract({
  method: "GET",
  path: "/sandbox/customers/{id}/thread",
  summary: "The customer's view of their chat with the business",
  tags,
  access,
  permission,
  params: idParams,
  tenantResource: "sandboxCustomer",
  response: z.object({
    customer: sandboxCustomerSchema,
    number: sandboxNumberSchema,
    messages: z.array(sandboxMessageSchema),
    businessTyping: z.boolean().describe("the business marked a message read with the typing indicator in the last 25 s"),
  }),
});

const messageRef = idRef.describe("our id of the business message it answers");

export const sandboxCustomerMessageSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("text"), text: z.string().trim().min(1, "is required").max(4096), replyToMessageId: idRef.optional() }),
  z.strictObject({ type: z.literal("image"), mediaId: z.string().min(1).max(64).describe("from POST /sandbox/media"), caption: z.string().trim().max(1024).optional() }),
  z.strictObject({
    type: z.literal("location"),
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
    name: z.string().trim().max(100).optional(),
    address: z.string().trim().max(200).optional(),
  }),
  z.strictObject({ type: z.literal("button_reply"), messageId: messageRef, buttonId: z.string().min(1).max(256) }),
  z.strictObject({ type: z.literal("list_reply"), messageId: messageRef, rowId: z.string().min(1).max(200) }),
  z.strictObject({ type: z.literal("quick_reply"), messageId: messageRef, index: z.number().int().min(0).max(9) }),
  z.strictObject({ type: z.literal("reaction"), messageId: idRef.describe("our id of the message reacted to"), emoji: z.string().max(16).describe("empty removes it") }),
]);
export type SandboxCustomerMessage = z.output<typeof sandboxCustomerMessageSchema>;

export const sendSandboxCustomerMessage = defineContract({
  method: "POST",
  path: "/sandbox/customers/{id}/messages",
  summary: "Write to the business as the customer (a signed webhook through the real pipeline)",
  description: "Answers once the webhook accepted the delivery; the message appears in the thread when the pipeline stored it (message.created).",
  tags,
  access,
  permission,
  params: idParams,
  tenantResource: "sandboxCustomer",
  status: 202,
  body: sandboxCustomerMessageSchema,
  example: { type: "text", text: "Hola, ¿tienen envío a domicilio?" },
  response: z.object({ wamid: z.string() }),
});

export const SANDBOX_MEDIA_TYPES = ["image/jpeg", "image/png"] as const;

export const uploadSandboxMedia = defineContract({
  method: "POST",
  path: "/sandbox/media",
  summary: "Upload a picture a customer will send (JPEG or PNG, up to 5 MB)",
  description: "The picture is held by the simulator (Meta's side) and referenced by `mediaId` in a customer's image message.",
  tags,
  access,
  permission,
  status: 201,
  multipart: { field: "file", maxBytes: 5 * 1024 * 1024, types: SANDBOX_MEDIA_TYPES },
  response: z.object({ mediaId: z.string(), mimeType: z.string(), size: z.number().int() }),
});
