import { z } from "zod";
import { defineContract, idRef } from "../contract";
import { botAccess } from "./bot-access";
import { botModeSchema } from "./bot-schemas";
import { outboundMessageSchema } from "./message-input";
import { messageSchema } from "./messages";

/** The bot at run time: the org's switches, reprocessing waiting conversations, and the external engine's answers. */

const tags = ["Bot"] as const;
const { read, manage } = botAccess("Bot");

const enabledSchema = z.object({ enabled: z.boolean() });

export const getBotEnabled = defineContract({ ...read, method: "GET", path: "/config/bot-enabled", summary: "Check if the bot is enabled for this organization", response: enabledSchema });

export const setBotEnabled = defineContract({
  ...manage,
  method: "PUT",
  path: "/config/bot-enabled",
  summary: "Toggle bot enabled/disabled (admin)",
  description: "Disabled: the bot answers nothing and new conversations go straight to the humans.",
  body: z.strictObject({ enabled: z.boolean() }),
  response: enabledSchema,
  example: { enabled: true },
});

export const getBotMode = defineContract({ ...read, method: "GET", path: "/config/bot-mode", summary: "Get bot handling mode flags", response: botModeSchema });

export const setBotMode = defineContract({
  ...manage,
  method: "PUT",
  path: "/config/bot-mode",
  summary: "Update bot handling mode flags (admin only)",
  description:
    "Fields are PATCH-like. engine EXTERNAL posts each customer message to externalWebhookUrl (http(s), no credentials in the URL; required for EXTERNAL) and waits for POST /n8n/bot-response.",
  body: z.strictObject({
    answerNewConversations: z.boolean().optional(),
    handoffOnLowConfidence: z.boolean().optional(),
    engine: z.enum(["BUILTIN", "EXTERNAL"]).optional(),
    externalWebhookUrl: z.string().trim().max(2000).nullable().optional(),
  }),
  response: botModeSchema,
  example: { handoffOnLowConfidence: true },
});

export const reprocessPending = defineContract({
  ...manage,
  method: "POST",
  path: "/bot-config/reprocess-pending",
  summary: "Reprocess BOT_HANDLING conversations whose customer is still waiting for the bot",
  description: "Queues one bot turn per conversation the bot has whose last message is the customer's and was never answered.",
  response: z.object({ queued: z.number().int() }),
});

const textReply = z.strictObject({ text: z.string().trim().min(1, "is required").max(4096) });

export const n8nBotResponse = defineContract({
  tags,
  access: "member",
  permission: "messages.send",
  method: "POST",
  path: "/n8n/bot-response",
  summary: "Receive the bot's reply from an external workflow (n8n)",
  description:
    "Authenticate with an org API key. Either `message` ({text} or any outbound message) is sent to the customer as the bot, or `handoff: true` hands the conversation to the humans. " +
    "Only while the conversation is BOT_HANDLING: otherwise 409 NOT_BOT_HANDLING (a person has it, nothing is sent).",
  body: z
    .strictObject({
      conversationId: idRef,
      message: z.union([textReply, outboundMessageSchema]).optional(),
      handoff: z.literal(true).optional(),
      reason: z.string().trim().max(200).optional(),
    })
    .refine((b) => Boolean(b.message) !== Boolean(b.handoff), { message: "send either message or handoff: true", path: ["message"] }),
  response: z.object({ result: z.enum(["sent", "handed_off"]), message: messageSchema.nullable() }),
  example: { conversationId: "1", message: { text: "Hola, ¿en qué te ayudo?" } },
});
