"use client";

import type { ReactNode } from "react";
import { useFormatter, useTranslations } from "next-intl";
import type { QualityMetrics } from "@/lib/client/bot-library";

function Kpi({ label, value, hint, testId }: { label: string; value: ReactNode; hint?: ReactNode; testId: string }) {
  return (
    <div className="flex flex-col gap-1 rounded-lg border bg-card p-4" data-testid={testId}>
      <dt className="text-xs font-medium text-muted-foreground">{label}</dt>
      <dd className="text-2xl font-semibold tabular-nums">{value}</dd>
      {hint && <dd className="text-xs text-muted-foreground">{hint}</dd>}
    </div>
  );
}

/** The headline numbers of the period. */
export function KpiCards({ m }: { m: QualityMetrics }) {
  const t = useTranslations("botLibrary.metrics.kpi");
  const format = useFormatter();
  const pct = (v: number) => format.number(v, { style: "percent", maximumFractionDigits: 1 });
  const ms = (v: number) => (v >= 1000 ? `${format.number(v / 1000, { maximumFractionDigits: 1 })} s` : `${Math.round(v)} ms`);
  const { positive, negative, neutral } = m.feedback;
  const votes = positive + negative + neutral;
  const of = (rate: number) => t("count", { count: Math.round(rate * m.turns) });
  return (
    <dl className="grid grid-cols-2 gap-3 md:grid-cols-4" data-testid="metrics-kpis">
      <Kpi label={t("turns")} value={format.number(m.turns)} hint={m.errorRate > 0 ? t("errors", { value: pct(m.errorRate) }) : undefined} testId="kpi-turns" />
      <Kpi label={t("answerRate")} value={pct(m.answerRate)} hint={of(m.answerRate)} testId="kpi-answer-rate" />
      <Kpi label={t("handoffRate")} value={pct(m.handoffRate)} hint={of(m.handoffRate)} testId="kpi-handoff-rate" />
      <Kpi label={t("fallbackRate")} value={pct(m.fallbackRate)} hint={of(m.fallbackRate)} testId="kpi-fallback-rate" />
      <Kpi label={t("latency")} value={ms(m.avgLatencyMs)} hint={t("p95", { value: ms(m.p95LatencyMs) })} testId="kpi-latency" />
      <Kpi
        label={t("feedback")}
        value={
          <span className="flex items-baseline gap-3">
            <span aria-label={t("up", { count: positive })}>👍 {positive}</span>
            <span aria-label={t("down", { count: negative })}>👎 {negative}</span>
          </span>
        }
        hint={votes ? t("positive", { value: pct(positive / votes) }) : t("noVotes")}
        testId="kpi-feedback"
      />
      <Kpi
        label={t("cost")}
        value={format.number(m.cost.estimatedCostUsd, { style: "currency", currency: "USD", maximumFractionDigits: 2 })}
        hint={t("tokens", { input: format.number(m.cost.inputTokens), output: format.number(m.cost.outputTokens) })}
        testId="kpi-cost"
      />
    </dl>
  );
}
