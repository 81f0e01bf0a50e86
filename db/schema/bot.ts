import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, jsonb, pgEnum, pgTable, primaryKey, real, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id, ref, ts, tsvector, updatedAt } from "./_shared";
import { conversations, messages } from "./conversations";
import { storedFiles } from "./files";
import { teams } from "./inbox";
import { organizations } from "./organizations";
import { users } from "./users";

const orgRef = () =>
  ref("org_id")
    .notNull()
    .references(() => organizations.id, { onDelete: "cascade" });
const createdBy = () => ref("created_by_id").references(() => users.id, { onDelete: "set null" });

export const AI_PROVIDERS = ["OPENAI", "ANTHROPIC", "GOOGLE", "DEEPSEEK", "KIMI", "LOCAL"] as const;
export type AiProvider = (typeof AI_PROVIDERS)[number];
export const aiProviderEnum = pgEnum("ai_provider", AI_PROVIDERS);

/**
 * How the organization's bot behaves, whatever config is active. One row per org, created on first write
 * (a missing row reads as the defaults of lib/services/bot/settings.ts).
 */
export type BotMode = {
  /** New conversations start in BOT_HANDLING (else OPEN, straight to the humans). */
  answerNewConversations: boolean;
  /** Hand off when the LLM's or the intent matcher's confidence is below the config's threshold. */
  handoffOnLowConfidence: boolean;
  /** BUILTIN: our engine answers. EXTERNAL: inbound messages are posted to externalWebhookUrl and the reply comes back through POST /n8n/bot-response. */
  engine: "BUILTIN" | "EXTERNAL";
  externalWebhookUrl: string | null;
};
export type WritingAssistConfig = { enabled: boolean; presetId: number | null; tone: "neutral" | "friendly" | "formal" };

export const botSettings = pgTable("bot_settings", {
  orgId: ref("org_id")
    .primaryKey()
    .references(() => organizations.id, { onDelete: "cascade" }),
  enabled: boolean("enabled").notNull().default(true),
  mode: jsonb("mode").$type<BotMode>().notNull(),
  writingAssist: jsonb("writing_assist").$type<WritingAssistConfig>().notNull(),
  updatedAt: updatedAt(),
});

/** A named provider + model + key the org can reuse across configs and for writing assist. */
export const botPresets = pgTable(
  "bot_presets",
  {
    id: id(),
    orgId: orgRef(),
    name: text("name").notNull(),
    provider: aiProviderEnum("provider").notNull(),
    model: text("model").notNull(),
    /** LOCAL (and optionally any other): the OpenAI-compatible base URL. */
    baseUrl: text("base_url"),
    /** AES-256-GCM (lib/crypto/secrets.ts); never returned, only masked. */
    apiKeyEnc: text("api_key_enc"),
    embeddingModel: text("embedding_model"),
    temperature: real("temperature"),
    maxTokens: integer("max_tokens"),
    createdById: createdBy(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("bot_presets_org_name_key").on(t.orgId, sql`lower(${t.name})`)],
);

export type BotConfigSettings = {
  /** Words that make the customer's wish for a person explicit ("agente", "humano", …); merged with the built-in list. */
  handoffKeywords?: string[];
  /** Turns of the conversation the LLM sees. */
  historyTurns?: number;
  /** Chunks of the knowledge base retrieved per answer. */
  ragTopK?: number;
  ragEnabled?: boolean;
  /** Tools (ids) the LLM may call; empty means none. */
  toolIds?: number[];
  /** Team that receives hand-offs when the intent names none. */
  handoffTeamId?: number | null;
};

export const botConfigs = pgTable(
  "bot_configs",
  {
    id: id(),
    orgId: orgRef(),
    name: text("name").notNull(),
    /** At most one per org (partial unique index); the others are drafts. */
    isActive: boolean("is_active").notNull().default(false),
    /** Provider settings come from the preset when set, else from the inline fields below. */
    presetId: ref("preset_id").references(() => botPresets.id, { onDelete: "set null" }),
    provider: aiProviderEnum("provider"),
    model: text("model"),
    baseUrl: text("base_url"),
    apiKeyEnc: text("api_key_enc"),
    embeddingModel: text("embedding_model"),
    temperature: real("temperature").notNull().default(0.3),
    maxTokens: integer("max_tokens").notNull().default(500),
    systemPrompt: text("system_prompt").notNull().default(""),
    /** Bumped with each new prompt version (bot_prompt_versions). */
    promptVersion: integer("prompt_version").notNull().default(1),
    welcomeMessage: text("welcome_message"),
    /** Said when nothing answers (no intent, no passage, no LLM) right before handing off. */
    fallbackMessage: text("fallback_message"),
    handoffMessage: text("handoff_message"),
    /** 0..1: below it the answer is not trusted (see BotMode.handoffOnLowConfidence). */
    confidenceThreshold: real("confidence_threshold").notNull().default(0.5),
    language: text("language").notNull().default("es"),
    settings: jsonb("settings").$type<BotConfigSettings>().notNull().default({}),
    activatedAt: ts("activated_at"),
    createdById: createdBy(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("bot_configs_one_active").on(t.orgId).where(sql`${t.isActive}`), index("bot_configs_org_idx").on(t.orgId, t.updatedAt)],
);

export const botPromptVersions = pgTable(
  "bot_prompt_versions",
  {
    id: id(),
    orgId: orgRef(),
    configId: ref("config_id")
      .notNull()
      .references(() => botConfigs.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    systemPrompt: text("system_prompt").notNull(),
    note: text("note"),
    createdById: createdBy(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("bot_prompt_versions_config_version_key").on(t.configId, t.version)],
);

export const INTENT_ACTIONS = ["REPLY", "ASK", "TOOL", "HANDOFF", "END"] as const;
export const intentActionEnum = pgEnum("bot_intent_action", INTENT_ACTIONS);

/** REPLY/ASK: text (+ media). TOOL: run toolId with params, answer with its result. HANDOFF: to teamId. END: close politely. */
export type IntentActionConfig = {
  /** TOOL: fixed parameter values ({{message}} is the customer's text). */
  params?: Record<string, string>;
  /** TOOL: template of the answer, {{result}} or {{result.path}}. */
  replyTemplate?: string;
};

export const botIntents = pgTable(
  "bot_intents",
  {
    id: id(),
    orgId: orgRef(),
    configId: ref("config_id")
      .notNull()
      .references(() => botConfigs.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description"),
    /** Evaluation order, 0 first. */
    position: integer("position").notNull().default(0),
    isActive: boolean("is_active").notNull().default(true),
    keywords: text("keywords").array().notNull().default(sql`'{}'::text[]`),
    /** JavaScript regular expressions, case-insensitive, checked with a time budget. */
    patterns: text("patterns").array().notNull().default(sql`'{}'::text[]`),
    /** Sample customer phrases: compared by token overlap offline, given to the LLM classifier when a provider is set. */
    examples: text("examples").array().notNull().default(sql`'{}'::text[]`),
    action: intentActionEnum("action").notNull().default("REPLY"),
    response: text("response"),
    mediaId: ref("media_id").references(() => botMedia.id, { onDelete: "set null" }),
    toolId: ref("tool_id").references(() => botTools.id, { onDelete: "set null" }),
    teamId: ref("team_id").references(() => teams.id, { onDelete: "set null" }),
    actionConfig: jsonb("action_config").$type<IntentActionConfig>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("bot_intents_config_position_idx").on(t.configId, t.position)],
);

export const documentStatusEnum = pgEnum("bot_document_status", ["PENDING", "PROCESSING", "READY", "FAILED"]);

/** The org's knowledge base: shared by every config of the org. */
export const botDocuments = pgTable(
  "bot_documents",
  {
    id: id(),
    orgId: orgRef(),
    title: text("title").notNull(),
    fileId: ref("file_id").references(() => storedFiles.id, { onDelete: "set null" }),
    filename: text("filename"),
    mimeType: text("mime_type").notNull(),
    size: bigint("size", { mode: "number" }).notNull().default(0),
    status: documentStatusEnum("status").notNull().default("PENDING"),
    /** 0..100 while PROCESSING. */
    progress: integer("progress").notNull().default(0),
    error: text("error"),
    pageCount: integer("page_count"),
    chunkCount: integer("chunk_count").notNull().default(0),
    /** The embedding model of its chunks (null: full-text search only). */
    embeddingModel: text("embedding_model"),
    createdById: createdBy(),
    processedAt: ts("processed_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("bot_documents_org_idx").on(t.orgId, t.createdAt)],
);

export const botChunks = pgTable(
  "bot_chunks",
  {
    id: id(),
    orgId: orgRef(),
    documentId: ref("document_id")
      .notNull()
      .references(() => botDocuments.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    content: text("content").notNull(),
    /** Where it came from in the document ("page 3", a heading…). */
    location: text("location"),
    tokenCount: integer("token_count").notNull().default(0),
    /** Exact cosine over a float array: pgvector is not available in the embedded server. */
    embedding: real("embedding").array(),
    search: tsvector("search").generatedAlwaysAs(sql`to_tsvector('spanish', content) || to_tsvector('english', content)`),
    createdAt: createdAt(),
  },
  (t) => [
    index("bot_chunks_document_idx").on(t.documentId, t.position),
    index("bot_chunks_org_idx").on(t.orgId),
    index("bot_chunks_search_idx").using("gin", t.search),
  ],
);

export const botMediaKindEnum = pgEnum("bot_media_kind", ["IMAGE", "VIDEO", "AUDIO", "DOCUMENT"]);

/** Files the bot can send (intent replies, LLM answers that name them). */
export const botMedia = pgTable(
  "bot_media",
  {
    id: id(),
    orgId: orgRef(),
    name: text("name").notNull(),
    description: text("description"),
    kind: botMediaKindEnum("kind").notNull(),
    fileId: ref("file_id")
      .notNull()
      .references(() => storedFiles.id, { onDelete: "restrict" }),
    thumbnailFileId: ref("thumbnail_file_id").references(() => storedFiles.id, { onDelete: "set null" }),
    mimeType: text("mime_type").notNull(),
    size: bigint("size", { mode: "number" }).notNull(),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    createdById: createdBy(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("bot_media_org_idx").on(t.orgId)],
);

export const connectionAuthEnum = pgEnum("connection_auth", ["NONE", "BEARER", "BASIC", "API_KEY"]);

/** Connection secrets, encrypted as one JSON document: { token } | { username, password } | { headerName, apiKey }. */
export type ConnectionSecrets = { token?: string; username?: string; password?: string; headerName?: string; apiKey?: string };

/** An external system (CRM, ERP, shop) the bot's tools call; holds the base URL and the credentials. */
export const connections = pgTable(
  "connections",
  {
    id: id(),
    orgId: orgRef(),
    name: text("name").notNull(),
    description: text("description"),
    baseUrl: text("base_url").notNull(),
    authType: connectionAuthEnum("auth_type").notNull().default("NONE"),
    secretsEnc: text("secrets_enc"),
    /** Extra non-secret headers sent on every call. */
    headers: jsonb("headers").$type<Record<string, string>>().notNull().default({}),
    isActive: boolean("is_active").notNull().default(true),
    lastTestedAt: ts("last_tested_at"),
    lastTestOk: boolean("last_test_ok"),
    createdById: createdBy(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("connections_org_name_key").on(t.orgId, sql`lower(${t.name})`)],
);

export type ToolParameter = {
  name: string;
  type: "string" | "number" | "boolean";
  description?: string;
  required?: boolean;
  enum?: string[];
};

/** An HTTP call the bot (and agents, when allowed) can make: {{param}} placeholders in path, query, headers and body. */
export const botTools = pgTable(
  "bot_tools",
  {
    id: id(),
    orgId: orgRef(),
    /** Function name the LLM sees: ^[a-zA-Z][a-zA-Z0-9_]{0,63}$, unique per org. */
    name: text("name").notNull(),
    description: text("description").notNull(),
    method: text("method").notNull().default("GET"),
    /** Absolute URL, or a path appended to the connection's base URL. */
    url: text("url").notNull(),
    connectionId: ref("connection_id").references(() => connections.id, { onDelete: "set null" }),
    headers: jsonb("headers").$type<Record<string, string>>().notNull().default({}),
    query: jsonb("query").$type<Record<string, string>>().notNull().default({}),
    bodyTemplate: text("body_template"),
    parameters: jsonb("parameters").$type<ToolParameter[]>().notNull().default([]),
    /** Dot path into the JSON response that is handed to the LLM (the whole body when null). */
    responsePath: text("response_path"),
    timeoutMs: integer("timeout_ms").notNull().default(10_000),
    isActive: boolean("is_active").notNull().default(true),
    /** Listed in GET /agent-tools for agents in the inbox. */
    availableToAgents: boolean("available_to_agents").notNull().default(false),
    createdById: createdBy(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("bot_tools_org_name_key").on(t.orgId, sql`lower(${t.name})`)],
);

/** A saved copy of a config (the "standard" export document) to restore later. */
export const botSnapshots = pgTable(
  "bot_snapshots",
  {
    id: id(),
    orgId: orgRef(),
    configId: ref("config_id").references(() => botConfigs.id, { onDelete: "set null" }),
    name: text("name").notNull(),
    note: text("note"),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    size: integer("size").notNull(),
    createdById: createdBy(),
    createdAt: createdAt(),
  },
  (t) => [index("bot_snapshots_org_idx").on(t.orgId, t.createdAt)],
);

/** Platform-wide starting points managed by super admins; organizations import the published ones. */
export const botTemplates = pgTable(
  "bot_templates",
  {
    id: id(),
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    description: text("description"),
    category: text("category"),
    isPublished: boolean("is_published").notNull().default(false),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    createdById: createdBy(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("bot_templates_slug_key").on(t.slug)],
);

export const botFeedback = pgTable(
  "bot_feedback",
  {
    id: id(),
    orgId: orgRef(),
    messageId: ref("message_id")
      .notNull()
      .references(() => messages.id, { onDelete: "cascade" }),
    conversationId: ref("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    userId: ref("user_id").references(() => users.id, { onDelete: "set null" }),
    /** -1 (bad) or 1 (good); 0 neutral. */
    rating: integer("rating").notNull(),
    comment: text("comment"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("bot_feedback_message_user_key").on(t.messageId, t.userId), index("bot_feedback_org_idx").on(t.orgId, t.createdAt)],
);

/** Bot messages and tokens per org and month (month = first day, UTC). */
export const botUsage = pgTable(
  "bot_usage",
  {
    orgId: orgRef(),
    month: text("month").notNull(),
    messages: integer("messages").notNull().default(0),
    inputTokens: bigint("input_tokens", { mode: "number" }).notNull().default(0),
    outputTokens: bigint("output_tokens", { mode: "number" }).notNull().default(0),
    /** Estimated provider cost in millionths of a US dollar. */
    costMicros: bigint("cost_micros", { mode: "number" }).notNull().default(0),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.month] })],
);

export const traceSourceEnum = pgEnum("bot_trace_source", ["WHATSAPP", "SANDBOX", "TEST"]);
export const traceOutcomeEnum = pgEnum("bot_trace_outcome", ["ANSWERED", "INTENT", "HANDOFF", "FALLBACK", "SKIPPED", "ERROR"]);

/** One step of the pipeline, in order: what ran, how long, what it found. */
export type TraceStep = { type: "guard" | "intent" | "retrieval" | "llm" | "tool" | "handoff" | "send" | "budget"; name: string; ms: number; detail?: Record<string, unknown> };
export type TracePassage = { chunkId: string; documentId: string; title: string; score: number; content: string };
export type TraceToolCall = { toolId: string; name: string; params: Record<string, unknown>; ok: boolean; status?: number; ms: number; result?: string; error?: string };

/** Our own record of each bot turn: the source of metrics/traces and of the sandbox's "why did it answer that". */
export const botTraces = pgTable(
  "bot_traces",
  {
    id: id(),
    /** Public id (uuid) used by /bot-config/metrics/traces/{traceId}. */
    traceId: text("trace_id").notNull(),
    orgId: orgRef(),
    configId: ref("config_id").references(() => botConfigs.id, { onDelete: "set null" }),
    conversationId: ref("conversation_id").references(() => conversations.id, { onDelete: "cascade" }),
    /** The inbound message answered (WHATSAPP); unique so a redelivered job never answers twice. */
    messageId: ref("message_id").references(() => messages.id, { onDelete: "cascade" }),
    source: traceSourceEnum("source").notNull(),
    input: text("input").notNull(),
    output: text("output"),
    outcome: traceOutcomeEnum("outcome").notNull(),
    intentId: ref("intent_id").references(() => botIntents.id, { onDelete: "set null" }),
    confidence: real("confidence"),
    provider: text("provider"),
    model: text("model"),
    steps: jsonb("steps").$type<TraceStep[]>().notNull().default([]),
    passages: jsonb("passages").$type<TracePassage[]>().notNull().default([]),
    toolCalls: jsonb("tool_calls").$type<TraceToolCall[]>().notNull().default([]),
    inputTokens: integer("input_tokens").notNull().default(0),
    outputTokens: integer("output_tokens").notNull().default(0),
    latencyMs: integer("latency_ms").notNull().default(0),
    error: text("error"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("bot_traces_trace_id_key").on(t.traceId),
    uniqueIndex("bot_traces_message_key").on(t.messageId),
    index("bot_traces_org_created_idx").on(t.orgId, t.createdAt),
    index("bot_traces_conversation_idx").on(t.conversationId, t.createdAt),
  ],
);

export const sessionClosureEnum = pgEnum("bot_session_closure", ["RESOLVED_CONFIRMED", "ABANDONED", "ESCALATED"]);

/** A stretch of a conversation handled by the bot: from its first answer to a hand-off, a close or silence. */
export const botSessions = pgTable(
  "bot_sessions",
  {
    id: id(),
    orgId: orgRef(),
    conversationId: ref("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    configId: ref("config_id").references(() => botConfigs.id, { onDelete: "set null" }),
    turns: integer("turns").notNull().default(0),
    startedAt: ts("started_at").notNull().defaultNow(),
    lastTurnAt: ts("last_turn_at").notNull().defaultNow(),
    endedAt: ts("ended_at"),
    closureType: sessionClosureEnum("closure_type"),
  },
  (t) => [
    index("bot_sessions_org_started_idx").on(t.orgId, t.startedAt),
    uniqueIndex("bot_sessions_one_open").on(t.conversationId).where(sql`${t.endedAt} is null`),
  ],
);
