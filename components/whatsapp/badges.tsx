"use client";

import { FlaskConicalIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/utils";

export function SandboxBadge() {
  const t = useTranslations("whatsapp");
  return (
    <Badge variant="outline" className="border-violet-300 bg-violet-50 text-violet-700 dark:border-violet-500/40 dark:bg-violet-500/10 dark:text-violet-300" data-testid="sandbox-badge">
      <FlaskConicalIcon />
      {t("sandbox")}
    </Badge>
  );
}

const STATUS_VARIANT = { CONNECTED: "success", ERROR: "destructive", DISCONNECTED: "muted" } as const;

export function AccountStatusBadge({ status }: { status: keyof typeof STATUS_VARIANT }) {
  const t = useTranslations("whatsapp.status");
  return (
    <Badge variant={STATUS_VARIANT[status]} data-testid="account-status">
      {t(status)}
    </Badge>
  );
}

const QUALITY_DOT: Record<string, string> = { GREEN: "bg-emerald-500", YELLOW: "bg-amber-400", RED: "bg-rose-500" };

/** Meta's quality rating as a traffic light; unknown ratings show grey. */
export function QualityIndicator({ rating }: { rating: string | null }) {
  const t = useTranslations("whatsapp.quality");
  const known = rating && rating in QUALITY_DOT ? (rating as "GREEN" | "YELLOW" | "RED") : null;
  return (
    <span className="inline-flex items-center gap-1.5 text-sm" data-testid="quality">
      <span className={cn("size-2 rounded-full", known ? QUALITY_DOT[known] : "bg-muted-foreground/40")} aria-hidden="true" />
      {known ? t(known) : t("UNKNOWN")}
    </span>
  );
}

/** "TIER_1K" → "1K / 24 h"; Meta's tier names are not worth translating, their meaning is. */
export function tierLabel(tier: string | null, unlimited: string) {
  if (!tier) return "—";
  if (tier === "TIER_UNLIMITED") return unlimited;
  return tier.replace(/^TIER_/, "");
}
