import { z } from "zod";
import { defineContract, idRef } from "../contract";
import { writingAssistConfigSchema } from "./bot-schemas";

const tags = ["Writing assist"] as const;

export const writingAssistStateSchema = z.object({
  org: writingAssistConfigSchema,
  user: z.object({ enabled: z.boolean() }),
  available: z.boolean().describe("org enabled, the caller's preference on, and an AI provider configured"),
  reason: z.string().optional().describe("why it is not available"),
});

export const getWritingAssistConfig = defineContract({
  tags,
  access: "member",
  permission: "bot.read",
  method: "GET",
  path: "/config/writing-assist",
  summary: "Get writing assist config (org-level + user preference)",
  response: writingAssistStateSchema,
});

export const updateWritingAssistConfig = defineContract({
  tags,
  access: "member",
  permission: "bot.manage",
  method: "PUT",
  path: "/config/writing-assist",
  summary: "Update writing assist org config (admin only)",
  description: "presetId names one of the organization's presets (404 otherwise); null uses the active bot config's provider.",
  body: z.strictObject({
    enabled: z.boolean().optional(),
    presetId: idRef.nullable().optional(),
    tone: z.enum(["neutral", "friendly", "formal"]).optional(),
  }),
  example: { enabled: true, tone: "friendly" },
  response: writingAssistStateSchema,
});

export const completeWritingAssist = defineContract({
  tags,
  access: "user",
  permission: "writing_assist.use",
  method: "POST",
  path: "/writing-assist/complete",
  summary: "Stream AI autocomplete suggestion for agent writing",
  description:
    "Answers text/plain, streamed: the agent's draft continued or improved, given the last messages and the org's tone. 503 NOT_CONFIGURED (with the reason) when writing assist is not available; rate-limited per user.",
  body: z.strictObject({ conversationId: idRef, partialText: z.string().max(4000).default("") }),
  example: { conversationId: "1", partialText: "Hola, gracias por escribirnos. Tu pedido" },
});
