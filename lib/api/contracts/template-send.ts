import { z } from "zod";
import { defineContract, idRef, idString } from "../contract";
import { templateRefSchema } from "./message-input";
import { messageSchema } from "./messages";

const tags = ["Templates"] as const;

/**
 * `{id}` is the template's name (Meta's key; the reference calls it {name}), or our numeric template id. The folder
 * is app/api/v1/templates/[id] because Next.js allows one slug name per level and the other template operations use ids.
 */
const nameParams = z.object({ id: z.string().min(1).max(512).describe("template name (or numeric template id)") });

const sentTemplate = z.object({ conversationId: idString, contactId: idString, messageId: idString, message: messageSchema });

export const sendTemplate = defineContract({
  method: "POST",
  path: "/templates/{id}/send",
  summary: "Send a template message to a conversation",
  description:
    "Sends an APPROVED template (404 when missing, 422 TEMPLATE_NOT_APPROVED when not approved) into the conversation; allowed outside the " +
    "24-hour window. Without `language` the template in the organization's language is preferred.",
  tags,
  access: "member",
  permission: "messages.send",
  params: nameParams,
  tenantResource: "template",
  body: z.strictObject({ conversationId: idRef, ...templateRefSchema }),
  example: { conversationId: "1", language: "es_MX", parameters: { body: ["Ana"] } },
  response: sentTemplate,
  status: 201,
});

export const sendTemplateToPhone = defineContract({
  method: "POST",
  path: "/templates/{id}/send-to-phone",
  summary: "Send a template message to an arbitrary phone number (creates or reuses conversation)",
  description: "`phone` in international format (\"+52 1 55 1234 5678\", \"5215512345678\"); the contact and its active conversation are created when missing.",
  tags,
  access: "member",
  permission: "messages.send",
  params: nameParams,
  tenantResource: "template",
  body: z.strictObject({
    phone: z.string().trim().min(6).max(32),
    name: z.string().trim().min(1).max(120).optional().describe("contact name, used when the contact is created"),
    whatsappAccountId: idRef.optional().describe("number to send from (default: the organization's sending number)"),
    ...templateRefSchema,
  }),
  example: { phone: "+52 1 55 1234 5678", name: "Ana López", parameters: { body: ["Ana"] } },
  response: sentTemplate,
  status: 201,
});
