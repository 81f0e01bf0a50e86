import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgEnum, pgTable, real, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id, ref, ts, updatedAt } from "./_shared";
import { createdBy, orgRef } from "./_tenant";
import { botMedia, botTools } from "./bot-assets";
import { teams } from "./inbox";
import { organizations } from "./organizations";

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

export * from "./bot-assets";
export * from "./bot-activity";
