"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { QualityMetrics } from "@/lib/client/bot-library";

const H = 120;

/**
 * Turns per day as plain SVG bars (hand-offs stacked in a second colour); every bar has a <title> for hover and the
 * same numbers are in a visually hidden table for screen readers.
 */
export function DailyChart({ days }: { days: QualityMetrics["byDay"] }) {
  const t = useTranslations("botLibrary.metrics.chart");
  const format = useFormatter();
  const max = Math.max(1, ...days.map((d) => d.turns));
  const w = Math.max(days.length, 1);
  const label = (date: string) => format.dateTime(new Date(`${date}T00:00:00Z`), { month: "short", day: "numeric", timeZone: "UTC" });
  return (
    <figure className="flex flex-col gap-2 rounded-lg border bg-card p-4" data-testid="metrics-chart">
      <figcaption className="flex flex-wrap items-center justify-between gap-2 text-sm font-medium">
        {t("title")}
        <span className="flex items-center gap-3 text-xs font-normal text-muted-foreground">
          <span className="flex items-center gap-1">
            <span className="size-2.5 rounded-sm bg-primary" aria-hidden="true" />
            {t("turns")}
          </span>
          <span className="flex items-center gap-1">
            <span className="size-2.5 rounded-sm bg-amber-500" aria-hidden="true" />
            {t("handoffs")}
          </span>
        </span>
      </figcaption>
      {days.length === 0 ? (
        <p className="py-10 text-center text-sm text-muted-foreground">{t("empty")}</p>
      ) : (
        <>
          <svg viewBox={`0 0 ${w * 10} ${H}`} preserveAspectRatio="none" className="h-32 w-full" aria-hidden="true">
            {days.map((d, i) => {
              const total = (d.turns / max) * (H - 4);
              const hand = (Math.min(d.handoffs, d.turns) / max) * (H - 4);
              return (
                <g key={d.date}>
                  <title>{t("bar", { date: label(d.date), turns: d.turns, handoffs: d.handoffs })}</title>
                  <rect x={i * 10 + 1} y={H - total} width={8} height={Math.max(total, d.turns ? 1 : 0)} className="fill-primary" rx={1} />
                  {hand > 0 && <rect x={i * 10 + 1} y={H - hand} width={8} height={hand} className="fill-amber-500" rx={1} />}
                </g>
              );
            })}
          </svg>
          <div className="flex justify-between text-[11px] text-muted-foreground tabular-nums" aria-hidden="true">
            <span>{label(days[0].date)}</span>
            <span>{t("max", { count: max })}</span>
            <span>{label(days[days.length - 1].date)}</span>
          </div>
          <table className="sr-only">
            <caption>{t("title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("date")}</th>
                <th scope="col">{t("turns")}</th>
                <th scope="col">{t("handoffs")}</th>
              </tr>
            </thead>
            <tbody>
              {days.map((d) => (
                <tr key={d.date}>
                  <th scope="row">{label(d.date)}</th>
                  <td>{d.turns}</td>
                  <td>{d.handoffs}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </figure>
  );
}
