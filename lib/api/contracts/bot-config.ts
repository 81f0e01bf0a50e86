import { z } from "zod";
import { defineContract, idParams, idRef, idString, iso, name, optionalText } from "../contract";
import { botAccess } from "./bot-access";
import { aiProviderSchema, botConfigSchema, botConfigSettingsSchema, botTurnSchema, usageSchema } from "./bot-schemas";

const tags = ["Bot"] as const;
const { read, manage } = botAccess("Bot");

/** Provider fields shared by configs and presets. `apiKey` is write-only: a string sets it, null clears it, absent keeps it. */
export const providerFields = {
  provider: aiProviderSchema,
  model: z.string().trim().min(1, "is required").max(200),
  baseUrl: optionalText(500).describe("OpenAI-compatible base URL (required for LOCAL), e.g. http://ollama.internal:11434/v1"),
  apiKey: z.string().trim().min(1, "is required").max(500).nullable().describe("write-only: a string sets the key, null clears it, absent keeps it"),
  embeddingModel: optionalText(200),
  temperature: z.number().min(0).max(2),
  maxTokens: z.number().int().min(1).max(8000),
};

/** botConfigSettingsSchema with ids accepted as numbers or strings. */
export const configSettingsInput = botConfigSettingsSchema.extend({
  toolIds: z.array(idRef).max(50).optional(),
  handoffTeamId: idRef.nullable().optional(),
});

export const configInputSchema = z.strictObject({
  name: name.optional(),
  presetId: idRef.nullable().optional(),
  provider: providerFields.provider.nullable().optional(),
  model: providerFields.model.nullable().optional(),
  baseUrl: providerFields.baseUrl.optional(),
  apiKey: providerFields.apiKey.optional(),
  embeddingModel: providerFields.embeddingModel.optional(),
  temperature: providerFields.temperature.optional(),
  maxTokens: providerFields.maxTokens.optional(),
  systemPrompt: z.string().max(20_000).optional(),
  promptNote: z.string().trim().max(200).optional().describe("note stored with the new prompt version when systemPrompt changes"),
  welcomeMessage: optionalText(2000).optional(),
  fallbackMessage: optionalText(2000).optional(),
  handoffMessage: optionalText(2000).optional(),
  confidenceThreshold: z.number().min(0).max(1).optional(),
  language: z.string().trim().min(2).max(10).optional(),
  settings: configSettingsInput.optional().describe("merged key by key into the current settings"),
});
export type ConfigInput = z.infer<typeof configInputSchema>;

export const configQuery = z.strictObject({ configId: idRef.optional().describe("a draft to act on; default: the active config") });

const configRules =
  "Fields are PATCH-like: absent fields keep their value. A LOCAL provider needs a baseUrl; base URLs must be http(s). " +
  "presetId must name a preset of the organization (404). settings.toolIds and settings.handoffTeamId must be tools and " +
  "active teams of the organization (422 INVALID_REFERENCE). A changed systemPrompt is stored as a new prompt version.";

export const getBotConfig = defineContract({
  ...read,
  method: "GET",
  path: "/bot-config",
  summary: "Get bot configuration for the current organization",
  description:
    "With configId, that config (404 when it is not the organization's). Without: the active config, else the draft changed last; null when the organization has no config yet (offer to create one).",
  query: configQuery,
  response: botConfigSchema.nullable(),
});

export const createBotConfig = defineContract({
  ...manage,
  method: "POST",
  path: "/bot-config",
  summary: "Create a new bot config (draft)",
  description: `Creates a draft; the organization's FIRST config is created ACTIVE. ${configRules}`,
  body: configInputSchema.extend({ name }),
  example: { name: "Soporte" },
  response: botConfigSchema,
  status: 201,
});

export const upsertBotConfig = defineContract({
  ...manage,
  method: "PUT",
  path: "/bot-config",
  summary: "Upsert bot configuration",
  description: `Updates the active config (or ?configId=), creating an active one when the organization has none. ${configRules}`,
  query: configQuery,
  body: configInputSchema,
  example: { temperature: 0.2 },
  response: botConfigSchema,
});

export const listBotConfigs = defineContract({
  ...read,
  method: "GET",
  path: "/bot-config/list",
  summary: "List all bot configs for the organization",
  description: "The active config first, then drafts by last change.",
  response: z.object({ data: z.array(botConfigSchema) }),
});

export const duplicateBotConfig = defineContract({
  ...manage,
  method: "POST",
  path: "/bot-config/{id}/duplicate",
  summary: "Duplicate a bot config (deep copy with intents)",
  description: 'A draft copy with its intents; its prompt history starts at version 1. Default name: "<name> (copy)".',
  params: idParams,
  tenantResource: "botConfig",
  body: z.strictObject({ name: name.optional() }),
  example: {},
  response: botConfigSchema,
  status: 201,
});

export const activateBotConfig = defineContract({
  ...manage,
  method: "PUT",
  path: "/bot-config/{id}/activate",
  summary: "Activate a bot config (deactivates the currently active one)",
  description: "Idempotent for the active config. Audited.",
  params: idParams,
  tenantResource: "botConfig",
  response: botConfigSchema,
});

export const deleteBotConfig = defineContract({
  ...manage,
  method: "DELETE",
  path: "/bot-config/{id}",
  summary: "Delete a draft bot config (cannot delete the active one)",
  description: "The active config answers 422 ACTIVE_CONFIG: activate another one first. Its intents and prompt versions go with it. Audited.",
  params: idParams,
  tenantResource: "botConfig",
  status: 204,
});

export const revealBotKey = defineContract({
  tags,
  access: "user",
  permission: "bot.manage",
  method: "GET",
  path: "/bot-config/reveal-key",
  summary: "Reveal the full (unmasked) API key",
  description: "The key of ?presetId=, else of ?configId=, else of the active config (null when none is set). Admins only; every reveal is audited.",
  query: z.strictObject({ configId: idRef.optional(), presetId: idRef.optional() }),
  response: z.object({ apiKey: z.string().nullable() }),
});

const message = z.string().trim().min(1, "is required").max(4000);

export const testBotLlm = defineContract({
  ...manage,
  method: "POST",
  path: "/bot-config/test",
  summary: "Test LLM with a message",
  description: "One call to the config's model with its system prompt (no intents, no knowledge). 503 NOT_CONFIGURED without a usable provider.",
  body: z.strictObject({ message, configId: idRef.optional() }),
  example: { message: "Hola" },
  response: z.object({
    reply: z.string(),
    provider: aiProviderSchema,
    model: z.string(),
    latencyMs: z.number().int(),
    usage: z.object({ inputTokens: z.number().int(), outputTokens: z.number().int() }),
  }),
});

export const testBotSandbox = defineContract({
  ...manage,
  method: "POST",
  path: "/bot-config/test-sandbox",
  summary: "Sandbox chat - admin converses with bot without sending to WA",
  description:
    "Stateless multi-turn chat: the client sends the previous turns back in `history` (at most 20, oldest first). Runs the " +
    "whole engine (intents, knowledge, tools, hand-off) for the config without sending anything; works without a provider.",
  body: z.strictObject({
    message,
    history: z
      .array(z.strictObject({ role: z.enum(["user", "assistant"]), content: z.string().max(4000) }))
      .max(20)
      .optional(),
    configId: idRef.optional(),
  }),
  example: { message: "¿Cuál es el horario?" },
  response: botTurnSchema,
});

export const modelInfoSchema = z.object({ id: z.string(), name: z.string(), contextWindow: z.number().int().optional(), embedding: z.boolean().optional() });

export const listBotModels = defineContract({
  ...read,
  method: "GET",
  path: "/bot-config/models",
  summary: "Get available models for a provider",
  description:
    "The built-in list of the provider. LOCAL (and OPENAI when the active config or ?presetId= has a key) asks the server's " +
    "/models; `source` says where the list came from (`static` when the server could not be asked).",
  query: z.strictObject({ provider: aiProviderSchema, presetId: idRef.optional(), baseUrl: z.string().trim().max(500).optional() }),
  response: z.object({ data: z.array(modelInfoSchema), source: z.enum(["static", "server"]), error: z.string().optional() }),
});

export const validateBotKey = defineContract({
  ...manage,
  method: "POST",
  path: "/bot-config/validate-key",
  summary: "Validate an AI API key",
  description:
    "A real minimal call to the provider. Without apiKey, the key of presetId (or of configId / the active config for the same " +
    "provider) is tried. A refused key answers 200 { valid: false, error }.",
  body: z.strictObject({
    provider: aiProviderSchema,
    apiKey: z.string().trim().min(1).max(500).optional(),
    model: z.string().trim().min(1).max(200).optional(),
    baseUrl: z.string().trim().max(500).optional(),
    presetId: idRef.optional(),
    configId: idRef.optional(),
  }),
  example: { provider: "OPENAI", apiKey: "sk-test", model: "gpt-4.1-mini" },
  response: z.object({ valid: z.boolean(), error: z.string().optional(), latencyMs: z.number().int() }),
});

export const promptVersionSchema = z.object({
  id: idString,
  version: z.number().int(),
  systemPrompt: z.string(),
  note: z.string().nullable(),
  createdAt: iso,
  createdBy: z.object({ id: idString, name: z.string() }).nullable(),
  isCurrent: z.boolean(),
});

export const listPromptVersions = defineContract({
  ...read,
  method: "GET",
  path: "/bot-config/prompt-versions",
  summary: "Get prompt version history",
  description: "Newest first, for the active config or ?configId=.",
  query: configQuery,
  response: z.object({ data: z.array(promptVersionSchema) }),
});

export const activatePromptVersion = defineContract({
  ...manage,
  method: "POST",
  path: "/bot-config/prompt-versions/{id}/activate",
  summary: "Rollback to a previous prompt version",
  description: "The version's text becomes the config's prompt as a NEW version (history is never rewritten). Answers the config.",
  params: idParams,
  tenantResource: "botPromptVersion",
  response: botConfigSchema,
});

export const getBotUsage = defineContract({
  ...read,
  method: "GET",
  path: "/bot-config/usage",
  summary: "Get current month usage and plan limits",
  response: usageSchema,
});

export const getBotUsageHistory = defineContract({
  ...read,
  method: "GET",
  path: "/bot-config/usage/history",
  summary: "Get last 12 months of usage",
  description: "Oldest first; months without use read as zeros.",
  response: z.object({ data: z.array(usageSchema) }),
});
