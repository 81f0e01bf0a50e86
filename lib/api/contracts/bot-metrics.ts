import { z } from "zod";
import { defineContract, idRef, iso, pageOf, pageQuery, queryBoolean } from "../contract";
import { toolCallSchema, traceStepSchema } from "./bot-schemas";

/** Bot metrics from our own traces, sessions and feedback (`source: "local"`: Langfuse is not wired). */

const tags = ["Bot metrics"] as const;
const outcome = z.enum(["ANSWERED", "INTENT", "HANDOFF", "FALLBACK", "SKIPPED", "ERROR"]);
const closureType = z.enum(["RESOLVED_CONFIRMED", "ABANDONED", "ESCALATED"]);

export const qualityMetrics = defineContract({
  tags,
  access: "member",
  permission: "bot.read",
  method: "GET",
  path: "/bot-config/metrics/quality",
  summary: "Get bot quality metrics for the current org",
  description:
    "Over the last `days` (1..365, default 30), WhatsApp and sandbox turns (not the builder's single-message tests). Rates are 0..1 over " +
    "turns (every trace but SKIPPED). answer = ANSWERED or INTENT. Cost is estimated from the tokens and the model's list price.",
  query: z.strictObject({ days: z.coerce.number().int().min(1).max(365).default(30) }),
  response: z.object({
    source: z.literal("local"),
    days: z.number().int(),
    turns: z.number().int(),
    answerRate: z.number(),
    handoffRate: z.number(),
    fallbackRate: z.number(),
    errorRate: z.number(),
    avgLatencyMs: z.number().int(),
    p95LatencyMs: z.number().int(),
    feedback: z.object({ positive: z.number().int(), negative: z.number().int(), neutral: z.number().int() }),
    cost: z.object({ inputTokens: z.number().int(), outputTokens: z.number().int(), estimatedCostUsd: z.number() }),
    byDay: z.array(z.object({ date: z.string().describe("YYYY-MM-DD in the org's time zone"), turns: z.number().int(), answered: z.number().int(), handoffs: z.number().int() })),
    topIntents: z.array(z.object({ intentId: z.string().nullable(), name: z.string(), count: z.number().int() })),
    handoffReasons: z.array(z.object({ reason: z.string(), count: z.number().int() })),
  }),
});

export const sessionMetrics = defineContract({
  tags,
  access: "member",
  permission: "bot.manage",
  method: "GET",
  path: "/bot-config/metrics/sessions",
  summary: "List bot sessions with filtering and pagination",
  description: "Sessions started in the last `days`, newest first, with the conversation's displayId and the contact's name.",
  query: z.strictObject({
    closureType: closureType.optional(),
    days: z.coerce.number().int().min(1).max(365).default(30),
    ...pageQuery,
  }),
  response: pageOf(
    z.object({
      id: z.string(),
      conversationId: z.string(),
      conversationDisplayId: z.number().int(),
      contactName: z.string().nullable(),
      configId: z.string().nullable(),
      turns: z.number().int(),
      startedAt: iso,
      lastTurnAt: iso,
      endedAt: iso.nullable(),
      closureType: closureType.nullable(),
    }),
  ),
});

const traceSummarySchema = z.object({
  traceId: z.string(),
  channel: z.enum(["WHATSAPP", "SANDBOX", "TEST"]),
  outcome,
  input: z.string(),
  output: z.string().nullable(),
  intent: z.object({ id: z.string(), name: z.string() }).nullable(),
  confidence: z.number().nullable(),
  provider: z.string().nullable(),
  model: z.string().nullable(),
  conversationId: z.string().nullable(),
  configId: z.string().nullable(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  latencyMs: z.number().int(),
  error: z.string().nullable(),
  createdAt: iso,
});

export const traceMetrics = defineContract({
  tags,
  access: "member",
  permission: "bot.manage",
  method: "GET",
  path: "/bot-config/metrics/traces",
  summary: "Bot performance metrics from Langfuse traces",
  description:
    "From our own stored traces (`source: \"local\"`; Langfuse is optional and not configured): a summary of the last `days` (1..30) and " +
    "the latest traces (input and output cut to 300 characters). `conversationId` keeps one conversation's turns (summary and list); " +
    "`total` counts the traces the list pages through. `force` is accepted for compatibility; traces are always read live.",
  query: z.strictObject({
    days: z.coerce.number().int().min(1).max(30).default(7),
    conversationId: idRef.optional(),
    force: queryBoolean.optional(),
    page: z.coerce.number().int().min(1).default(1),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  }),
  response: z.object({
    source: z.literal("local"),
    days: z.number().int(),
    summary: z.object({ count: z.number().int(), p50: z.number().int(), p95: z.number().int(), byOutcome: z.record(z.string(), z.number().int()) }),
    data: z.array(traceSummarySchema),
    page: z.number(),
    limit: z.number(),
    total: z.number(),
  }),
});

export const traceDetail = defineContract({
  tags,
  access: "member",
  permission: "bot.manage",
  method: "GET",
  path: "/bot-config/metrics/traces/{traceId}",
  summary: "Get detailed pipeline view for a single trace",
  description: "The whole trace: steps with timings, retrieved passages and tool calls. 404 for an unknown id or another organization's.",
  params: z.object({ traceId: z.string().min(1).max(64) }),
  response: traceSummarySchema.extend({
    source: z.literal("local"),
    output: z.string().nullable(),
    steps: z.array(traceStepSchema),
    passages: z.array(z.object({ chunkId: z.string(), documentId: z.string(), title: z.string(), score: z.number(), content: z.string() })),
    toolCalls: z.array(toolCallSchema),
  }),
});
