import type { planEnum } from "@/db/schema/organizations";

export type Plan = (typeof planEnum.enumValues)[number];

export type PlanLimits = {
  /** Bot answers per calendar month (UTC); null = unlimited. When spent, the bot hands conversations to humans. */
  botMessagesPerMonth: number | null;
  /** Knowledge base documents; null = unlimited. */
  knowledgeDocuments: number | null;
};

/** What each plan includes. The billing issue sells these; the bot, campaigns and seats read them from here. */
export const PLAN_LIMITS: Record<Plan, PlanLimits> = {
  FREE: { botMessagesPerMonth: 500, knowledgeDocuments: 10 },
  STARTER: { botMessagesPerMonth: 5_000, knowledgeDocuments: 50 },
  PROFESSIONAL: { botMessagesPerMonth: 25_000, knowledgeDocuments: 200 },
  ENTERPRISE: { botMessagesPerMonth: null, knowledgeDocuments: null },
};

export const planLimits = (plan: Plan): PlanLimits => PLAN_LIMITS[plan];
