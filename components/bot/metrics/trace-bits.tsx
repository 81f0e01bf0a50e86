"use client";

import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { TraceSummary } from "@/lib/client/bot-library";

const VARIANT = { ANSWERED: "success", INTENT: "success", HANDOFF: "warning", FALLBACK: "muted", SKIPPED: "outline", ERROR: "destructive" } as const;

export function OutcomeBadge({ outcome }: { outcome: TraceSummary["outcome"] }) {
  const t = useTranslations("botLibrary.metrics.outcome");
  return (
    <Badge variant={VARIANT[outcome] ?? "outline"} data-testid="trace-outcome">
      {t(outcome)}
    </Badge>
  );
}
