import type { z } from "zod";
import { addUsage, usageRows } from "@/db/queries/bot-engine";
import { findOrganization } from "@/db/queries/users";
import { costMicros } from "@/lib/ai/providers";
import type { usageSchema } from "@/lib/api/contracts/bot-schemas";
import { planLimits, type Plan } from "@/lib/billing/plans";

/**
 * The bot's monthly usage: answers sent to customers (what the plan's budget counts) and tokens (what the provider
 * bills). Months are UTC calendar months, "YYYY-MM".
 */

export type UsageDto = z.infer<typeof usageSchema>;

export const monthOf = (d = new Date()) => d.toISOString().slice(0, 7);

/** The `count` months ending with `d`'s, oldest first. */
export function lastMonths(count: number, d = new Date()): string[] {
  const out: string[] = [];
  for (let i = count - 1; i >= 0; i--) out.push(monthOf(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - i, 1))));
  return out;
}

export async function recordUsage(orgId: number, usage: { messages: number; inputTokens: number; outputTokens: number; model?: string | null }, at = new Date()) {
  const delta = {
    messages: usage.messages,
    inputTokens: usage.inputTokens,
    outputTokens: usage.outputTokens,
    costMicros: costMicros(usage.model, usage.inputTokens, usage.outputTokens),
  };
  if (!delta.messages && !delta.inputTokens && !delta.outputTokens) return;
  await addUsage(orgId, monthOf(at), delta);
}

async function planOf(orgId: number): Promise<Plan> {
  return ((await findOrganization(orgId))?.plan ?? "FREE") as Plan;
}

function dto(month: string, plan: Plan, row?: { messages: number; inputTokens: number; outputTokens: number; costMicros: number }): UsageDto {
  const limit = planLimits(plan).botMessagesPerMonth;
  const messages = row?.messages ?? 0;
  return {
    month,
    messages,
    limit,
    remaining: limit === null ? null : Math.max(0, limit - messages),
    inputTokens: row?.inputTokens ?? 0,
    outputTokens: row?.outputTokens ?? 0,
    estimatedCostUsd: (row?.costMicros ?? 0) / 1_000_000,
    plan,
  };
}

export async function usageOf(orgId: number, at = new Date()): Promise<UsageDto> {
  const month = monthOf(at);
  const [plan, [row]] = await Promise.all([planOf(orgId), usageRows(orgId, [month])]);
  return dto(month, plan, row);
}

/** The last 12 months, oldest first (months without use read as zeros). */
export async function usageHistory(orgId: number, at = new Date()): Promise<UsageDto[]> {
  const months = lastMonths(12, at);
  const [plan, rows] = await Promise.all([planOf(orgId), usageRows(orgId, months)]);
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  return months.map((m) => dto(m, plan, byMonth.get(m)));
}

/** Bot answers left this month (null: unlimited). */
export async function budgetLeft(orgId: number, at = new Date()): Promise<number | null> {
  return (await usageOf(orgId, at)).remaining;
}
