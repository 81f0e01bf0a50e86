import { and, count, desc, eq, gte, ne, sql, type SQL } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { botFeedback, botIntents, botSessions, botTraces, contacts, conversations } from "@/db/schema";

/** Metrics of the bot from our own records (bot_traces, bot_sessions, bot_feedback). Always scoped by org. */

type Window = { orgId: number; since: Date; conversationId?: number };

/** Test calls of the builder (/bot-config/test) are not conversations: left out. */
const traceWindow = (w: Window): SQL =>
  and(
    eq(botTraces.orgId, w.orgId),
    gte(botTraces.createdAt, w.since),
    ne(botTraces.source, "TEST"),
    w.conversationId === undefined ? undefined : eq(botTraces.conversationId, w.conversationId),
  )!;

const int = (v: unknown) => Number(v ?? 0);

export async function traceTotals(w: Window, tx: Tx = getDb()) {
  const answered = sql`${botTraces.outcome} <> 'SKIPPED'`;
  const [row] = await tx
    .select({
      turns: sql<number>`count(*) filter (where ${answered})`,
      answered: sql<number>`count(*) filter (where ${botTraces.outcome} in ('ANSWERED', 'INTENT'))`,
      handoffs: sql<number>`count(*) filter (where ${botTraces.outcome} = 'HANDOFF')`,
      fallbacks: sql<number>`count(*) filter (where ${botTraces.outcome} = 'FALLBACK')`,
      errors: sql<number>`count(*) filter (where ${botTraces.outcome} = 'ERROR')`,
      avgLatency: sql<number | null>`avg(${botTraces.latencyMs}) filter (where ${answered})`,
      p50Latency: sql<number | null>`percentile_cont(0.5) within group (order by ${botTraces.latencyMs}) filter (where ${answered})`,
      p95Latency: sql<number | null>`percentile_cont(0.95) within group (order by ${botTraces.latencyMs}) filter (where ${answered})`,
    })
    .from(botTraces)
    .where(traceWindow(w));
  return {
    turns: int(row.turns),
    answered: int(row.answered),
    handoffs: int(row.handoffs),
    fallbacks: int(row.fallbacks),
    errors: int(row.errors),
    avgLatencyMs: Math.round(int(row.avgLatency)),
    p50LatencyMs: Math.round(int(row.p50Latency)),
    p95LatencyMs: Math.round(int(row.p95Latency)),
  };
}

export const outcomeCounts = (w: Window, tx: Tx = getDb()) =>
  tx.select({ outcome: botTraces.outcome, n: count() }).from(botTraces).where(traceWindow(w)).groupBy(botTraces.outcome);

export const tokensByModel = (w: Window, tx: Tx = getDb()) =>
  tx
    .select({ model: botTraces.model, inputTokens: sql<number>`sum(${botTraces.inputTokens})::int`, outputTokens: sql<number>`sum(${botTraces.outputTokens})::int` })
    .from(botTraces)
    .where(traceWindow(w))
    .groupBy(botTraces.model);

/** One row per day in the org's time zone. */
export function tracesByDay(w: Window, timeZone: string, tx: Tx = getDb()) {
  const day = sql<string>`to_char(${botTraces.createdAt} at time zone ${timeZone}, 'YYYY-MM-DD')`;
  return tx
    .select({
      date: day,
      turns: sql<number>`count(*) filter (where ${botTraces.outcome} <> 'SKIPPED')::int`,
      answered: sql<number>`count(*) filter (where ${botTraces.outcome} in ('ANSWERED', 'INTENT'))::int`,
      handoffs: sql<number>`count(*) filter (where ${botTraces.outcome} = 'HANDOFF')::int`,
    })
    .from(botTraces)
    .where(traceWindow(w))
    // By position: the day expression binds the time zone as a parameter, and two bindings are two expressions to PostgreSQL.
    .groupBy(sql`1`)
    .orderBy(sql`1`);
}

export const topIntents = (w: Window, limit = 10, tx: Tx = getDb()) =>
  tx
    .select({ intentId: botTraces.intentId, name: botIntents.name, count: sql<number>`count(*)::int` })
    .from(botTraces)
    .leftJoin(botIntents, eq(botIntents.id, botTraces.intentId))
    .where(and(traceWindow(w), sql`${botTraces.intentId} is not null`))
    .groupBy(botTraces.intentId, botIntents.name)
    .orderBy(desc(sql`count(*)`))
    .limit(limit);

/** Hand-off steps name their reason (requested, low_confidence, tool_failed, …). */
export async function handoffReasons(w: Window, tx: Tx = getDb()) {
  const rows = await tx.execute<{ reason: string; count: number }>(sql`
    select s->>'name' as reason, count(*)::int as count
    from ${botTraces}, jsonb_array_elements(${botTraces.steps}) s
    where ${traceWindow(w)} and s->>'type' = 'handoff'
    group by 1 order by 2 desc limit 20`);
  return [...rows].map((r) => ({ reason: r.reason ?? "unknown", count: int(r.count) }));
}

export async function feedbackTotals(orgId: number, since: Date, tx: Tx = getDb()) {
  const [row] = await tx
    .select({
      positive: sql<number>`count(*) filter (where ${botFeedback.rating} > 0)::int`,
      negative: sql<number>`count(*) filter (where ${botFeedback.rating} < 0)::int`,
      neutral: sql<number>`count(*) filter (where ${botFeedback.rating} = 0)::int`,
    })
    .from(botFeedback)
    .where(and(eq(botFeedback.orgId, orgId), gte(botFeedback.createdAt, since)));
  return { positive: int(row.positive), negative: int(row.negative), neutral: int(row.neutral) };
}

export const latestTraces = (w: Window, limit: number, offset: number, tx: Tx = getDb()) =>
  tx
    .select({ trace: botTraces, intentName: botIntents.name })
    .from(botTraces)
    .leftJoin(botIntents, eq(botIntents.id, botTraces.intentId))
    .where(traceWindow(w))
    .orderBy(desc(botTraces.createdAt), desc(botTraces.id))
    .limit(limit)
    .offset(offset);

export async function findTrace(orgId: number, traceId: string, tx: Tx = getDb()) {
  const [row] = await tx
    .select({ trace: botTraces, intentName: botIntents.name })
    .from(botTraces)
    .leftJoin(botIntents, eq(botIntents.id, botTraces.intentId))
    .where(and(eq(botTraces.orgId, orgId), eq(botTraces.traceId, traceId)))
    .limit(1);
  return row;
}

type SessionFilter = { orgId: number; since: Date; closureType?: "RESOLVED_CONFIRMED" | "ABANDONED" | "ESCALATED" };
const sessionWhere = (f: SessionFilter) =>
  and(eq(botSessions.orgId, f.orgId), gte(botSessions.startedAt, f.since), f.closureType ? eq(botSessions.closureType, f.closureType) : undefined);

export async function listSessions(f: SessionFilter, page: number, limit: number, tx: Tx = getDb()) {
  const [rows, [total]] = await Promise.all([
    tx
      .select({
        session: botSessions,
        displayId: conversations.displayId,
        contactName: sql<string | null>`coalesce(${contacts.name}, ${contacts.profileName})`,
        contactPhone: contacts.waId,
      })
      .from(botSessions)
      .innerJoin(conversations, eq(conversations.id, botSessions.conversationId))
      .innerJoin(contacts, eq(contacts.id, conversations.contactId))
      .where(sessionWhere(f))
      .orderBy(desc(botSessions.startedAt), desc(botSessions.id))
      .limit(limit)
      .offset((page - 1) * limit),
    tx.select({ n: count() }).from(botSessions).where(sessionWhere(f)),
  ]);
  return { rows, total: total.n };
}
