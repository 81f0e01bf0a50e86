import { and, asc, desc, eq, inArray, isNull, lt, ne, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import {
  botIntents,
  botSessions,
  botTraces,
  botUsage,
  conversations,
  memberships,
  messages,
  teamMembers,
  teams,
  users,
  type TraceStep,
} from "@/db/schema";
import type { BotIntentRow } from "./bot-config";

/** What the bot engine reads and writes: intents in order, traces, sessions, usage, the thread it answers. */

export type { BotIntentRow };
export type BotTraceRow = typeof botTraces.$inferSelect;
export type BotTraceInsert = typeof botTraces.$inferInsert;
export type BotUsageRow = typeof botUsage.$inferSelect;

export async function activeIntentsOf(orgId: number, configId: number, tx: Tx = getDb()): Promise<BotIntentRow[]> {
  return tx
    .select()
    .from(botIntents)
    .where(and(eq(botIntents.orgId, orgId), eq(botIntents.configId, configId), eq(botIntents.isActive, true)))
    .orderBy(asc(botIntents.position), asc(botIntents.id));
}

// ---- traces ----

/** Stores a turn's trace; undefined when its inbound message already has one (a redelivered job). */
export async function insertTrace(values: BotTraceInsert, tx: Tx = getDb()): Promise<{ id: number } | undefined> {
  const [row] = await tx.insert(botTraces).values(values).onConflictDoNothing().returning({ id: botTraces.id });
  return row;
}

/** Adds what happened after the turn (its sending) to a stored trace; `outcome` replaces the turn's when given. */
export async function appendTraceSteps(orgId: number, traceId: string, steps: TraceStep[], outcome?: BotTraceRow["outcome"], tx: Tx = getDb()) {
  await tx
    .update(botTraces)
    .set({ steps: sql`${botTraces.steps} || ${JSON.stringify(steps)}::jsonb`, ...(outcome ? { outcome } : {}) })
    .where(and(eq(botTraces.orgId, orgId), eq(botTraces.traceId, traceId)));
}

/** Whether a turn already answered this inbound message (only the id is read: traces carry large jsonb). */
export async function hasTraceFor(orgId: number, messageId: number, tx: Tx = getDb()): Promise<boolean> {
  const [row] = await tx
    .select({ id: botTraces.id })
    .from(botTraces)
    .where(and(eq(botTraces.orgId, orgId), eq(botTraces.messageId, messageId)))
    .limit(1);
  return row !== undefined;
}

// ---- the thread ----

const textOf = sql<string | null>`coalesce(${messages.body}, ${messages.media}->>'caption')`;

/** The conversation's latest customer and business words (notes and system lines left out), newest first. */
export async function recentThread(orgId: number, conversationId: number, limit: number, tx: Tx = getDb()) {
  if (limit <= 0) return [];
  return tx
    .select({ id: messages.id, direction: messages.direction, senderType: messages.senderType, text: textOf, createdAt: messages.createdAt })
    .from(messages)
    .where(
      and(
        eq(messages.orgId, orgId),
        eq(messages.conversationId, conversationId),
        eq(messages.isPrivate, false),
        ne(messages.type, "SYSTEM"),
        ne(messages.type, "REACTION"),
        sql`${textOf} is not null`,
      ),
    )
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(limit);
}

/**
 * The customer's messages the business has not answered yet (everything inbound after our last outbound message),
 * oldest first: a burst is answered once, as one turn.
 */
export async function unansweredInbound(orgId: number, conversationId: number, tx: Tx = getDb()) {
  const lastOut = tx
    .select({ at: sql`max(${messages.createdAt})` })
    .from(messages)
    .where(and(eq(messages.orgId, orgId), eq(messages.conversationId, conversationId), eq(messages.direction, "OUTBOUND"), eq(messages.isPrivate, false), ne(messages.type, "SYSTEM")));
  return tx
    .select({ id: messages.id, text: textOf, type: messages.type, createdAt: messages.createdAt })
    .from(messages)
    .where(
      and(
        eq(messages.orgId, orgId),
        eq(messages.conversationId, conversationId),
        eq(messages.direction, "INBOUND"),
        sql`${messages.createdAt} > coalesce((${lastOut}), '-infinity'::timestamptz)`,
      ),
    )
    .orderBy(asc(messages.createdAt), asc(messages.id))
    .limit(20);
}

/** Conversations the bot has and whose last word is the customer's, with no trace for that last message. */
export async function pendingBotConversations(orgId: number, limit = 500, tx: Tx = getDb()) {
  const rows = await tx
    .select({ id: conversations.id })
    .from(conversations)
    .where(
      and(
        eq(conversations.orgId, orgId),
        eq(conversations.status, "BOT_HANDLING"),
        eq(conversations.lastMessageDirection, "INBOUND"),
        sql`not exists (
          select 1 from ${botTraces} t
          where t.message_id = (
            select m.id from ${messages} m
            where m.conversation_id = ${conversations.id} and m.direction = 'INBOUND'
            order by m.created_at desc, m.id desc limit 1
          )
        )`,
      ),
    )
    .orderBy(asc(conversations.lastCustomerMessageAt), asc(conversations.id))
    .limit(limit);
  return rows.map((r) => r.id);
}

// ---- hand-off recipients ----

/** Who hears of a hand-off: the active team's members, or every admin of the org when there is no team. */
export async function handoffRecipients(orgId: number, teamId: number | null, tx: Tx = getDb()): Promise<number[]> {
  const live = and(eq(memberships.orgId, orgId), isNull(memberships.deletedAt), isNull(users.deletedAt));
  const rows = teamId
    ? await tx
        .select({ id: teamMembers.userId })
        .from(teamMembers)
        .innerJoin(teams, eq(teams.id, teamMembers.teamId))
        .innerJoin(memberships, and(eq(memberships.userId, teamMembers.userId), eq(memberships.orgId, orgId)))
        .innerJoin(users, eq(users.id, teamMembers.userId))
        .where(and(eq(teamMembers.orgId, orgId), eq(teamMembers.teamId, teamId), eq(teams.isActive, true), live))
    : await tx
        .select({ id: memberships.userId })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(live, eq(memberships.role, "ADMIN")));
  return [...new Set(rows.map((r) => r.id))];
}

// ---- sessions ----

/** The conversation's open bot session (at most one: bot_sessions_one_open), opened now when there is none; each call counts one turn. */
export async function touchSession(orgId: number, conversationId: number, configId: number | null, at = new Date(), tx: Tx = getDb()) {
  await tx
    .insert(botSessions)
    .values({ orgId, conversationId, configId, turns: 1, startedAt: at, lastTurnAt: at })
    .onConflictDoUpdate({ target: botSessions.conversationId, targetWhere: isNull(botSessions.endedAt), set: { turns: sql`${botSessions.turns} + 1`, lastTurnAt: at } });
}

export async function closeSession(orgId: number, conversationId: number, closureType: "RESOLVED_CONFIRMED" | "ABANDONED" | "ESCALATED", at = new Date(), tx: Tx = getDb()) {
  const rows = await tx
    .update(botSessions)
    .set({ endedAt: at, closureType })
    .where(and(eq(botSessions.orgId, orgId), eq(botSessions.conversationId, conversationId), isNull(botSessions.endedAt)))
    .returning({ id: botSessions.id });
  return rows.length > 0;
}

/** Open sessions whose customer has been silent since `before`: ABANDONED (all orgs; the hourly job runs it). */
export async function abandonSilentSessions(before: Date, at = new Date(), tx: Tx = getDb()) {
  const rows = await tx
    .update(botSessions)
    .set({ endedAt: at, closureType: "ABANDONED" })
    .where(and(isNull(botSessions.endedAt), lt(botSessions.lastTurnAt, before)))
    .returning({ id: botSessions.id });
  return rows.length;
}

export async function findOpenSession(orgId: number, conversationId: number, tx: Tx = getDb()) {
  const [row] = await tx
    .select()
    .from(botSessions)
    .where(and(eq(botSessions.orgId, orgId), eq(botSessions.conversationId, conversationId), isNull(botSessions.endedAt)))
    .limit(1);
  return row;
}

// ---- usage ----

export async function addUsage(orgId: number, month: string, delta: { messages: number; inputTokens: number; outputTokens: number; costMicros: number }, tx: Tx = getDb()) {
  await tx
    .insert(botUsage)
    .values({ orgId, month, ...delta })
    .onConflictDoUpdate({
      target: [botUsage.orgId, botUsage.month],
      set: {
        messages: sql`${botUsage.messages} + ${delta.messages}`,
        inputTokens: sql`${botUsage.inputTokens} + ${delta.inputTokens}`,
        outputTokens: sql`${botUsage.outputTokens} + ${delta.outputTokens}`,
        costMicros: sql`${botUsage.costMicros} + ${delta.costMicros}`,
        updatedAt: new Date(),
      },
    });
}

export async function usageRows(orgId: number, months: string[], tx: Tx = getDb()): Promise<BotUsageRow[]> {
  if (!months.length) return [];
  return tx
    .select()
    .from(botUsage)
    .where(and(eq(botUsage.orgId, orgId), inArray(botUsage.month, months)));
}
