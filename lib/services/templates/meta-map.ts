import type { TemplateCategory, TemplateStatus } from "@/db/queries/templates";

/**
 * Meta's template statuses in ours. Meta has more states than we show: an appeal is still under review, and a
 * template being deleted or archived is gone as far as sending goes.
 */
const STATUS: Record<string, TemplateStatus> = {
  APPROVED: "APPROVED",
  PENDING: "PENDING",
  IN_APPEAL: "PENDING",
  REJECTED: "REJECTED",
  PAUSED: "PAUSED",
  DISABLED: "DISABLED",
  LIMIT_EXCEEDED: "DISABLED",
  PENDING_DELETION: "REMOVED",
  DELETED: "REMOVED",
  ARCHIVED: "REMOVED",
};

export const metaTemplateStatus = (status: unknown): TemplateStatus => STATUS[String(status ?? "").toUpperCase()] ?? "PENDING";

const CATEGORIES = new Set<TemplateCategory>(["MARKETING", "UTILITY", "AUTHENTICATION"]);

/** Older templates carry retired categories (TRANSACTIONAL, ALERT_UPDATE…), which Meta now bills as UTILITY. */
export const metaTemplateCategory = (category: unknown): TemplateCategory => {
  const c = String(category ?? "").toUpperCase() as TemplateCategory;
  return CATEGORIES.has(c) ? c : "UTILITY";
};

/** Meta sends rejected_reason "NONE" for templates that were never rejected. */
export const metaRejectedReason = (reason: unknown) => (typeof reason === "string" && reason && reason !== "NONE" ? reason : null);

/** quality_score is `{ score: "GREEN" | "YELLOW" | "RED" | "UNKNOWN" }`. */
export const metaQualityScore = (quality: unknown) => {
  const score = (quality as { score?: unknown } | null | undefined)?.score;
  return typeof score === "string" ? score : null;
};
