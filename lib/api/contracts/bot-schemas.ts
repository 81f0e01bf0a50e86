import { z } from "zod";
import { AI_PROVIDERS, INTENT_ACTIONS } from "@/db/schema/bot";
import { idString, iso } from "../contract";

/** Response shapes (and the shared input pieces) of the bot builder: configs, presets, intents, knowledge, tools. */

export const aiProviderSchema = z.enum(AI_PROVIDERS);
export const intentActionSchema = z.enum(INTENT_ACTIONS);


const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/;
/** Extra HTTP headers of tools and connections: valid names, one-line values, at most 30. */
export const headerMap = z
  .record(z.string().regex(HEADER_NAME, "must be a valid HTTP header name"), z.string().max(2000).regex(/^[^\r\n]*$/, "must be one line"))
  .refine((h) => Object.keys(h).length <= 30, "at most 30 headers");

/** A key as the API shows it: never the key, only whether one is set and a masked hint. */
export const maskedKeySchema = z.object({ isSet: z.boolean(), masked: z.string().nullable() });

export const botConfigSettingsSchema = z.strictObject({
  handoffKeywords: z.array(z.string().trim().min(1).max(60)).max(50).optional(),
  historyTurns: z.number().int().min(0).max(50).optional(),
  ragTopK: z.number().int().min(1).max(20).optional(),
  ragEnabled: z.boolean().optional(),
  toolIds: z.array(idString).max(50).optional(),
  handoffTeamId: idString.nullable().optional(),
});

export const botConfigSchema = z.object({
  id: idString,
  name: z.string(),
  status: z.enum(["ACTIVE", "DRAFT"]),
  presetId: idString.nullable(),
  provider: aiProviderSchema.nullable(),
  model: z.string().nullable(),
  baseUrl: z.string().nullable(),
  apiKey: maskedKeySchema,
  embeddingModel: z.string().nullable(),
  temperature: z.number(),
  maxTokens: z.number().int(),
  systemPrompt: z.string(),
  promptVersion: z.number().int(),
  welcomeMessage: z.string().nullable(),
  fallbackMessage: z.string().nullable(),
  handoffMessage: z.string().nullable(),
  confidenceThreshold: z.number(),
  language: z.string(),
  settings: botConfigSettingsSchema,
  intentCount: z.number().int(),
  /** True when an LLM can be called (a provider with its key, or LOCAL with a base URL). */
  aiConfigured: z.boolean(),
  activatedAt: iso.nullable(),
  createdAt: iso,
  updatedAt: iso,
});
export type BotConfigDto = z.infer<typeof botConfigSchema>;

export const botModeSchema = z.object({
  answerNewConversations: z.boolean(),
  handoffOnLowConfidence: z.boolean(),
  engine: z.enum(["BUILTIN", "EXTERNAL"]),
  externalWebhookUrl: z.string().nullable(),
});
export const writingAssistConfigSchema = z.object({ enabled: z.boolean(), presetId: idString.nullable(), tone: z.enum(["neutral", "friendly", "formal"]) });

export const presetSchema = z.object({
  id: idString,
  name: z.string(),
  provider: aiProviderSchema,
  model: z.string(),
  baseUrl: z.string().nullable(),
  apiKey: maskedKeySchema,
  embeddingModel: z.string().nullable(),
  temperature: z.number().nullable(),
  maxTokens: z.number().int().nullable(),
  createdAt: iso,
  updatedAt: iso,
});
export type PresetDto = z.infer<typeof presetSchema>;

export const intentSchema = z.object({
  id: idString,
  configId: idString,
  name: z.string(),
  description: z.string().nullable(),
  position: z.number().int(),
  isActive: z.boolean(),
  keywords: z.array(z.string()),
  patterns: z.array(z.string()),
  examples: z.array(z.string()),
  action: intentActionSchema,
  response: z.string().nullable(),
  mediaId: idString.nullable(),
  toolId: idString.nullable(),
  teamId: idString.nullable(),
  actionConfig: z.object({ params: z.record(z.string(), z.string()).optional(), replyTemplate: z.string().optional() }),
  createdAt: iso,
  updatedAt: iso,
});
export type IntentDto = z.infer<typeof intentSchema>;

export const documentStatusSchema = z.enum(["PENDING", "PROCESSING", "READY", "FAILED"]);
export const documentSchema = z.object({
  id: idString,
  title: z.string(),
  filename: z.string().nullable(),
  mimeType: z.string(),
  size: z.number().int(),
  status: documentStatusSchema,
  progress: z.number().int(),
  error: z.string().nullable(),
  pageCount: z.number().int().nullable(),
  chunkCount: z.number().int(),
  embeddingModel: z.string().nullable(),
  processedAt: iso.nullable(),
  createdAt: iso,
});
export type DocumentDto = z.infer<typeof documentSchema>;

export const chunkSchema = z.object({ id: idString, position: z.number().int(), content: z.string(), location: z.string().nullable(), tokenCount: z.number().int(), hasEmbedding: z.boolean() });

/** One retrieved passage: the fused score and the parts it came from. */
export const passageSchema = z.object({
  chunkId: idString,
  documentId: idString,
  title: z.string(),
  content: z.string(),
  location: z.string().nullable(),
  score: z.number(),
  textScore: z.number().nullable(),
  vectorScore: z.number().nullable(),
});
export type PassageDto = z.infer<typeof passageSchema>;

export const botMediaSchema = z.object({
  id: idString,
  name: z.string(),
  description: z.string().nullable(),
  kind: z.enum(["IMAGE", "VIDEO", "AUDIO", "DOCUMENT"]),
  mimeType: z.string(),
  size: z.number().int(),
  tags: z.array(z.string()),
  url: z.string().describe("GET /bot-config/media/{id}/file"),
  thumbnailUrl: z.string().nullable(),
  createdAt: iso,
  updatedAt: iso,
});

export const toolParameterSchema = z.strictObject({
  name: z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]{0,63}$/, "letters, digits and _ only"),
  type: z.enum(["string", "number", "boolean"]),
  description: z.string().max(500).optional(),
  required: z.boolean().optional(),
  enum: z.array(z.string()).max(50).optional(),
});

export const toolSchema = z.object({
  id: idString,
  name: z.string(),
  description: z.string(),
  method: z.enum(["GET", "POST", "PUT", "PATCH", "DELETE"]),
  url: z.string(),
  connectionId: idString.nullable(),
  headers: z.record(z.string(), z.string()),
  query: z.record(z.string(), z.string()),
  bodyTemplate: z.string().nullable(),
  parameters: z.array(toolParameterSchema),
  responsePath: z.string().nullable(),
  timeoutMs: z.number().int(),
  isActive: z.boolean(),
  availableToAgents: z.boolean(),
  createdAt: iso,
  updatedAt: iso,
});
export type ToolDto = z.infer<typeof toolSchema>;

/** What a tool call did (tests, agent executions and bot traces share it). */
export const toolRunSchema = z.object({
  ok: z.boolean(),
  status: z.number().int().nullable(),
  ms: z.number().int(),
  result: z.unknown().describe("the response (JSON, or text), cut to the response path when the tool names one"),
  error: z.string().nullable(),
  request: z.object({ method: z.string(), url: z.string() }).describe("secrets never appear here"),
});
export type ToolRunDto = z.infer<typeof toolRunSchema>;

export const connectionSchema = z.object({
  id: idString,
  name: z.string(),
  description: z.string().nullable(),
  baseUrl: z.string(),
  authType: z.enum(["NONE", "BEARER", "BASIC", "API_KEY"]),
  /** Masked secrets (GET /connections/{id}/secrets shows them in full to admins). */
  secrets: z.record(z.string(), z.string()),
  headers: z.record(z.string(), z.string()),
  isActive: z.boolean(),
  lastTestedAt: iso.nullable(),
  lastTestOk: z.boolean().nullable(),
  createdAt: iso,
  updatedAt: iso,
});

export const snapshotSchema = z.object({ id: idString, configId: idString.nullable(), name: z.string(), note: z.string().nullable(), size: z.number().int(), createdAt: iso });

export const traceStepSchema = z.object({ type: z.string(), name: z.string(), ms: z.number(), detail: z.record(z.string(), z.unknown()).optional() });
export const toolCallSchema = z.object({
  toolId: z.string(),
  name: z.string(),
  params: z.record(z.string(), z.unknown()),
  ok: z.boolean(),
  status: z.number().optional(),
  ms: z.number(),
  result: z.string().optional(),
  error: z.string().optional(),
});

/** One bot turn as the sandbox chat and the trace viewer show it. */
export const botTurnSchema = z.object({
  traceId: z.string(),
  outcome: z.enum(["ANSWERED", "INTENT", "HANDOFF", "FALLBACK", "SKIPPED", "ERROR"]),
  reply: z.string().nullable(),
  media: z.array(z.object({ mediaId: idString, kind: z.string(), url: z.string() })),
  intent: z.object({ id: idString, name: z.string(), action: intentActionSchema }).nullable(),
  confidence: z.number().nullable(),
  handoff: z.object({ reason: z.string(), teamId: idString.nullable(), summary: z.string() }).nullable(),
  passages: z.array(z.object({ chunkId: z.string(), documentId: z.string(), title: z.string(), score: z.number(), content: z.string() })),
  toolCalls: z.array(toolCallSchema),
  steps: z.array(traceStepSchema),
  provider: z.string().nullable(),
  model: z.string().nullable(),
  usage: z.object({ inputTokens: z.number().int(), outputTokens: z.number().int() }),
  latencyMs: z.number().int(),
});
export type BotTurnDto = z.infer<typeof botTurnSchema>;

export const usageSchema = z.object({
  month: z.string().describe("YYYY-MM"),
  messages: z.number().int(),
  limit: z.number().int().nullable().describe("bot answers included per month; null = unlimited"),
  remaining: z.number().int().nullable(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  estimatedCostUsd: z.number(),
  plan: z.string(),
});

export const botTemplateSchema = z.object({
  id: idString,
  name: z.string(),
  slug: z.string(),
  description: z.string().nullable(),
  category: z.string().nullable(),
  isPublished: z.boolean(),
  intentCount: z.number().int(),
  createdAt: iso,
  updatedAt: iso,
});

export const feedbackSchema = z.object({
  id: idString,
  messageId: idString,
  conversationId: idString,
  rating: z.number().int(),
  comment: z.string().nullable(),
  user: z.object({ id: idString, name: z.string() }).nullable(),
  messagePreview: z.string().nullable(),
  createdAt: iso,
});
