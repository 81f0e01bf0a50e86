"use client";

import { ActivityIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/common/pagination";
import { QueryState } from "@/components/common/query-state";
import { RelativeTime } from "@/components/common/relative-time";
import { useKeyedState } from "@/components/common/use-keyed-state";
import { TRACE_MAX_DAYS, useTraces, type TraceSummary } from "@/lib/client/bot-library";
import { OutcomeBadge } from "./trace-bits";

const LIMIT = 20;

/** Turns as buttons: what the customer said, what the bot did, how long it took. */
export function TraceRows({ traces, onOpen }: { traces: TraceSummary[]; onOpen: (traceId: string) => void }) {
  return (
    <ul className="divide-y">
      {traces.map((tr) => (
        <li key={tr.traceId}>
          <button
            type="button"
            onClick={() => onOpen(tr.traceId)}
            className="flex w-full items-start gap-3 px-4 py-3 text-left transition-colors hover:bg-muted/50 focus-visible:bg-muted/50 focus-visible:outline-none"
            data-testid="trace-row"
          >
            <div className="min-w-0 flex-1">
              <p className="truncate text-sm font-medium">{tr.input}</p>
              {tr.output && <p className="truncate text-xs text-muted-foreground">↳ {tr.output}</p>}
            </div>
            <div className="flex shrink-0 flex-col items-end gap-1 text-xs text-muted-foreground">
              <OutcomeBadge outcome={tr.outcome} />
              <span className="tabular-nums">
                {tr.latencyMs} ms · <RelativeTime value={tr.createdAt} />
              </span>
            </div>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** The period's latest bot turns, newest first. */
export function TracesTable({ days, onOpen }: { days: number; onOpen: (traceId: string) => void }) {
  const t = useTranslations("botLibrary.metrics.traces");
  // A new period starts again at its first page.
  const [page, setPage] = useKeyedState(1, String(days));
  const traces = useTraces({ days, page, limit: LIMIT });
  return (
    <section className="flex flex-col gap-3" aria-labelledby="traces-heading" data-testid="metrics-traces">
      <div>
        <h2 id="traces-heading" className="text-base font-semibold">
          {t("title")}
        </h2>
        {days > TRACE_MAX_DAYS && <p className="text-xs text-muted-foreground">{t("capped", { days: TRACE_MAX_DAYS })}</p>}
      </div>
      <div className="overflow-hidden rounded-lg border bg-card">
        <QueryState
          query={traces}
          skeleton={{ rows: 4, columns: 2 }}
          empty={<EmptyState icon={ActivityIcon} className="py-10" title={t("emptyTitle")} description={t("emptyText")} />}
        >
          {(found) => <TraceRows traces={found.data} onOpen={onOpen} />}
        </QueryState>
      </div>
      {traces.data && <Pagination page={page} limit={LIMIT} total={traces.data.total} onPage={setPage} />}
    </section>
  );
}
