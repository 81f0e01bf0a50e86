import { bigint, index, integer, jsonb, pgEnum, pgTable, primaryKey, real, text, uniqueIndex } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { createdAt, id, ref, ts, updatedAt } from "./_shared";
import { orgRef } from "./_tenant";
import { botConfigs, botIntents } from "./bot";
import { conversations, messages } from "./conversations";
import { users } from "./users";

/** What the bot did: feedback on its messages, monthly usage, traces of every turn, sessions. */

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
