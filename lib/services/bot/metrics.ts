import {
  feedbackTotals,
  findTrace,
  handoffReasons,
  latestTraces,
  listSessions,
  outcomeCounts,
  topIntents,
  traceTotals,
  tokensByModel,
  tracesByDay,
} from "@/db/queries/bot-library-metrics";
import type { BotTraceRow } from "@/db/queries/bot-engine";
import type { Ctx } from "@/lib/api/context";
import { errors } from "@/lib/api/errors";
import { costMicros } from "@/lib/ai/providers";

/**
 * Bot metrics from our own stored traces, sessions and feedback. Langfuse is optional and not wired: every answer
 * says `source: "local"`. Calls of the builder's single-message test (/bot-config/test) are left out; WhatsApp and
 * sandbox turns count. Rates are over turns (every trace but SKIPPED ones: the bot was off or not its turn).
 */

const DAY = 86_400_000;
const sinceDays = (days: number) => new Date(Date.now() - days * DAY);
const rate = (n: number, of: number) => (of ? Math.round((n / of) * 10_000) / 10_000 : 0);

export async function qualityMetrics(ctx: Ctx, days: number) {
  const w = { orgId: ctx.orgId, since: sinceDays(days) };
  const [totals, tokens, byDay, intents, reasons, feedback] = await Promise.all([
    traceTotals(w),
    tokensByModel(w),
    tracesByDay(w, ctx.org.timezone || "UTC"),
    topIntents(w),
    handoffReasons(w),
    feedbackTotals(ctx.orgId, w.since),
  ]);
  const inputTokens = tokens.reduce((n, t) => n + Number(t.inputTokens ?? 0), 0);
  const outputTokens = tokens.reduce((n, t) => n + Number(t.outputTokens ?? 0), 0);
  const micros = tokens.reduce((n, t) => n + costMicros(t.model, Number(t.inputTokens ?? 0), Number(t.outputTokens ?? 0)), 0);
  return {
    source: "local" as const,
    days,
    turns: totals.turns,
    answerRate: rate(totals.answered, totals.turns),
    handoffRate: rate(totals.handoffs, totals.turns),
    fallbackRate: rate(totals.fallbacks, totals.turns),
    errorRate: rate(totals.errors, totals.turns),
    avgLatencyMs: totals.avgLatencyMs,
    p95LatencyMs: totals.p95LatencyMs,
    feedback,
    cost: { inputTokens, outputTokens, estimatedCostUsd: Math.round(micros) / 1_000_000 },
    byDay,
    topIntents: intents.map((i) => ({ intentId: i.intentId === null ? null : String(i.intentId), name: i.name ?? "(deleted intent)", count: i.count })),
    handoffReasons: reasons,
  };
}

export async function sessionMetrics(ctx: Ctx, q: { closureType?: "RESOLVED_CONFIRMED" | "ABANDONED" | "ESCALATED"; days: number; page: number; limit: number }) {
  const { rows, total } = await listSessions({ orgId: ctx.orgId, since: sinceDays(q.days), closureType: q.closureType }, q.page, q.limit);
  return {
    data: rows.map((r) => ({
      id: String(r.session.id),
      conversationId: String(r.session.conversationId),
      conversationDisplayId: r.displayId,
      contactName: r.contactName ?? r.contactPhone,
      configId: r.session.configId === null ? null : String(r.session.configId),
      turns: r.session.turns,
      startedAt: r.session.startedAt.toISOString(),
      lastTurnAt: r.session.lastTurnAt.toISOString(),
      endedAt: r.session.endedAt?.toISOString() ?? null,
      closureType: r.session.closureType,
    })),
    page: q.page,
    limit: q.limit,
    total,
  };
}

const clip = (s: string | null, n: number) => (s && s.length > n ? `${s.slice(0, n)}…` : s);

function traceSummary(t: BotTraceRow, intentName: string | null) {
  return {
    traceId: t.traceId,
    /** Where the turn came from; `source` (top level) says where the metrics come from. */
    channel: t.source,
    outcome: t.outcome,
    input: clip(t.input, 300) ?? "",
    output: clip(t.output, 300),
    intent: t.intentId ? { id: String(t.intentId), name: intentName ?? "(deleted intent)" } : null,
    confidence: t.confidence,
    provider: t.provider,
    model: t.model,
    conversationId: t.conversationId === null ? null : String(t.conversationId),
    configId: t.configId === null ? null : String(t.configId),
    inputTokens: t.inputTokens,
    outputTokens: t.outputTokens,
    latencyMs: t.latencyMs,
    error: t.error,
    createdAt: t.createdAt.toISOString(),
  };
}

/** `force` asked an external tracer to refresh its cache; our traces are read live, so it changes nothing. */
export async function traceMetrics(ctx: Ctx, q: { days: number; limit: number; page: number; conversationId?: number }) {
  const w = { orgId: ctx.orgId, since: sinceDays(q.days), conversationId: q.conversationId };
  const [totals, outcomes, rows] = await Promise.all([traceTotals(w), outcomeCounts(w), latestTraces(w, q.limit, (q.page - 1) * q.limit)]);
  const count = outcomes.reduce((n, o) => n + o.n, 0);
  return {
    source: "local" as const,
    days: q.days,
    summary: {
      count,
      p50: totals.p50LatencyMs,
      p95: totals.p95LatencyMs,
      byOutcome: Object.fromEntries(outcomes.map((o) => [o.outcome, o.n])),
    },
    data: rows.map((r) => traceSummary(r.trace, r.intentName)),
    page: q.page,
    limit: q.limit,
    // Every outcome is listed, SKIPPED included: the list pages through exactly the summary's count.
    total: count,
  };
}

export async function traceDetail(ctx: Ctx, traceId: string) {
  const row = await findTrace(ctx.orgId, traceId);
  if (!row) throw errors.notFound("Trace");
  const t = row.trace;
  return {
    source: "local" as const,
    ...traceSummary(t, row.intentName),
    input: t.input,
    output: t.output,
    steps: t.steps,
    passages: t.passages,
    toolCalls: t.toolCalls,
  };
}
