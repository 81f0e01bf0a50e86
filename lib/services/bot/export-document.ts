import { z } from "zod";
import { AI_PROVIDERS, INTENT_ACTIONS } from "@/db/schema/bot";

/**
 * The bot export document ("cx-inbox-bot", version 1): what export writes and import, snapshots and templates read.
 * Everything refers to other rows BY NAME (preset, team, tools, media, connections), never by id, so a document moves
 * between organizations. Secrets (API keys, connection credentials, auth-looking headers) are never part of it.
 */

export const EXPORT_FORMAT = "cx-inbox-bot";
export const EXPORT_TIERS = ["config", "standard", "full"] as const;
export type ExportTier = (typeof EXPORT_TIERS)[number];

const text = (max: number) => z.string().max(max);
const optText = (max: number) => z.string().max(max).nullable().optional();
const names = z.array(z.string().trim().min(1).max(120)).max(100);
const stringMap = z.record(z.string().max(200), z.string().max(4000));

const configPart = z.strictObject({
  name: z.string().trim().min(1).max(120),
  preset: optText(120).describe("a provider preset of the importing org, by name"),
  provider: z.enum(AI_PROVIDERS).nullable().optional(),
  model: optText(200),
  baseUrl: optText(2000),
  embeddingModel: optText(200),
  temperature: z.number().min(0).max(2).optional(),
  maxTokens: z.number().int().min(1).max(32_000).optional(),
  systemPrompt: text(50_000).optional(),
  welcomeMessage: optText(4096),
  fallbackMessage: optText(4096),
  handoffMessage: optText(4096),
  confidenceThreshold: z.number().min(0).max(1).optional(),
  language: z.string().trim().min(2).max(10).optional(),
  settings: z
    .strictObject({
      handoffKeywords: z.array(z.string().trim().min(1).max(60)).max(50).optional(),
      historyTurns: z.number().int().min(0).max(50).optional(),
      ragTopK: z.number().int().min(1).max(20).optional(),
      ragEnabled: z.boolean().optional(),
      tools: names.optional().describe("tools the LLM may call, by name"),
      handoffTeam: optText(120).describe("team by name"),
    })
    .optional(),
});

const intentPart = z.strictObject({
  name: z.string().trim().min(1).max(120),
  description: optText(1000),
  isActive: z.boolean().optional(),
  keywords: z.array(z.string().max(200)).max(200).optional(),
  patterns: z.array(z.string().max(500)).max(50).optional(),
  examples: z.array(z.string().max(500)).max(200).optional(),
  action: z.enum(INTENT_ACTIONS),
  response: optText(4096),
  media: optText(120),
  tool: optText(64),
  team: optText(120),
  actionConfig: z.strictObject({ params: z.record(z.string().max(64), z.string().max(2000)).optional(), replyTemplate: text(4096).optional() }).optional(),
});

const connectionPart = z.strictObject({
  name: z.string().trim().min(1).max(120),
  description: optText(1000),
  baseUrl: z.string().url().max(2000),
  authType: z.enum(["NONE", "BEARER", "BASIC", "API_KEY"]),
  headers: stringMap.optional(),
});

const toolPart = z.strictObject({
  name: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,63}$/, "letters, digits and _ only, starting with a letter"),
  description: z.string().trim().min(1).max(2000),
  method: z.enum(["GET", "POST", "PUT", "PATCH", "DELETE"]),
  url: z.string().min(1).max(2000),
  connection: optText(120),
  headers: stringMap.optional(),
  query: stringMap.optional(),
  bodyTemplate: optText(20_000),
  parameters: z
    .array(
      z.strictObject({
        name: z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]{0,63}$/),
        type: z.enum(["string", "number", "boolean"]),
        description: z.string().max(500).optional(),
        required: z.boolean().optional(),
        enum: z.array(z.string()).max(50).optional(),
      }),
    )
    .max(30)
    .optional(),
  responsePath: optText(500),
  timeoutMs: z.number().int().min(500).max(60_000).optional(),
  isActive: z.boolean().optional(),
  availableToAgents: z.boolean().optional(),
});

/** A file's bytes travel inline (`data`, base64, in JSON exports) or as a path inside the ZIP (`file`). */
const fileRef = { data: z.base64().optional(), file: z.string().max(300).optional() };

const mediaPart = z.strictObject({
  name: z.string().trim().min(1).max(120),
  description: optText(1000),
  kind: z.enum(["IMAGE", "VIDEO", "AUDIO", "DOCUMENT"]),
  mimeType: z.string().max(200),
  size: z.number().int().min(0),
  tags: z.array(z.string().max(40)).max(20).optional(),
  filename: optText(255),
  ...fileRef,
  thumbnail: z.strictObject({ mimeType: z.enum(["image/jpeg", "image/png"]), ...fileRef }).nullable().optional(),
});

const documentPart = z.strictObject({
  title: z.string().trim().min(1).max(300),
  filename: optText(255),
  mimeType: z.string().max(200),
  size: z.number().int().min(0).optional(),
  pageCount: z.number().int().min(0).nullable().optional(),
  ...fileRef,
  chunks: z.array(z.strictObject({ content: z.string().min(1).max(20_000), location: optText(300) })).max(20_000),
});

export const exportDocumentSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(1),
  tier: z.enum(EXPORT_TIERS),
  exportedAt: z.string().max(40),
  config: configPart,
  intents: z.array(intentPart).max(500),
  connections: z.array(connectionPart).max(100).optional(),
  tools: z.array(toolPart).max(100).optional(),
  media: z.array(mediaPart).max(500).optional(),
  documents: z.array(documentPart).max(500).optional(),
});

export type ExportDocument = z.infer<typeof exportDocumentSchema>;

/** Headers whose values are credentials: they stay behind on export (connections carry credentials, encrypted). */
export const isSecretHeader = (name: string) => /authorization|cookie|token|secret|api[-_]?key|password|signature/i.test(name);

export const publicHeaders = (headers: Record<string, string>) => Object.fromEntries(Object.entries(headers).filter(([k]) => !isSecretHeader(k)));
