"use client";

import { useState } from "react";
import { BarChart3Icon } from "lucide-react";
import { useTranslations } from "next-intl";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { ErrorState } from "@/components/common/error-state";
import { PageHeader } from "@/components/common/page-header";
import { useQualityMetrics } from "@/lib/client/bot-library";
import { cn } from "@/lib/utils";
import { DailyChart } from "./daily-chart";
import { KpiCards } from "./kpi-cards";
import { RankedList } from "./ranked-list";
import { SessionsTable } from "./sessions-table";
import { TraceDrawer, type TraceTarget } from "./trace-drawer";
import { TracesTable } from "./traces-table";

const PERIODS = [7, 30, 90] as const;

/** Bot → Metrics: answer and hand-off rates, feedback and cost over a period, sessions and per-turn traces. */
export function MetricsPage() {
  const t = useTranslations("botLibrary.metrics");
  const [days, setDays] = useState<(typeof PERIODS)[number]>(30);
  const [target, setTarget] = useState<TraceTarget>(null);
  const metrics = useQualityMetrics(days);

  return (
    <div className="flex flex-col gap-6" data-testid="metrics-page">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <div className="inline-flex rounded-lg bg-muted p-0.5" role="radiogroup" aria-label={t("period")}>
            {PERIODS.map((p) => (
              <button
                key={p}
                type="button"
                role="radio"
                aria-checked={days === p}
                onClick={() => setDays(p)}
                className={cn(
                  "h-8 rounded-md px-3 text-xs font-medium transition-colors focus-visible:ring-2 focus-visible:ring-ring/50 focus-visible:outline-none",
                  days === p ? "bg-background text-foreground shadow-sm" : "text-muted-foreground hover:text-foreground",
                )}
                data-testid={`metrics-period-${p}`}
              >
                {t("days", { count: p })}
              </button>
            ))}
          </div>
        }
      />
      {metrics.isPending ? (
        <div className="grid grid-cols-2 gap-3 md:grid-cols-4" aria-busy="true">
          {Array.from({ length: 8 }, (_, i) => (
            <Skeleton key={i} className="h-24" />
          ))}
        </div>
      ) : metrics.isError ? (
        <ErrorState className="rounded-lg border bg-card" error={metrics.error} onRetry={() => void metrics.refetch()} />
      ) : metrics.data.turns === 0 ? (
        <EmptyState icon={BarChart3Icon} className="rounded-lg border bg-card py-14" title={t("emptyTitle")} description={t("emptyText")} data-testid="metrics-empty" />
      ) : (
        <div className={cn("flex flex-col gap-6 transition-opacity", metrics.isPlaceholderData && "opacity-60")}>
          <KpiCards m={metrics.data} />
          <DailyChart days={metrics.data.byDay} />
          <div className="grid gap-4 md:grid-cols-2">
            <RankedList title={t("topIntents")} empty={t("noIntents")} items={metrics.data.topIntents.map((i) => ({ label: i.name, count: i.count }))} testId="metrics-top-intents" />
            <RankedList title={t("handoffReasons")} empty={t("noHandoffs")} items={metrics.data.handoffReasons.map((i) => ({ label: i.reason, count: i.count }))} testId="metrics-handoff-reasons" />
          </div>
        </div>
      )}
      <SessionsTable days={days} onOpen={(conversationId, displayId) => setTarget({ conversationId, displayId })} />
      <TracesTable days={days} onOpen={(traceId) => setTarget({ traceId })} />
      <TraceDrawer target={target} onClose={() => setTarget(null)} />
    </div>
  );
}
