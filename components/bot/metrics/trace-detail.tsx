"use client";

import { CheckCircle2Icon, XCircleIcon } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { SheetDescription, SheetHeader, SheetTitle } from "@/components/ui/sheet";
import { Skeleton } from "@/components/ui/skeleton";
import { ErrorState } from "@/components/common/error-state";
import { JsonView } from "@/components/bot/tools/json-view";
import { useTrace, type TraceDetail } from "@/lib/client/bot-library";
import { OutcomeBadge } from "./trace-bits";

function Section({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) {
  return (
    <section className="flex flex-col gap-2" data-testid={testId}>
      <h3 className="text-sm font-semibold">{title}</h3>
      {children}
    </section>
  );
}

/** Everything one bot turn did: steps with their timings, retrieved passages, tool calls, tokens. */
export function TraceDetailView({ traceId }: { traceId: string }) {
  const trace = useTrace(traceId);
  if (trace.isPending)
    return (
      <div className="flex flex-col gap-3 p-4" aria-busy="true">
        <Skeleton className="h-6 w-1/2" />
        <Skeleton className="h-20 w-full" />
        <Skeleton className="h-40 w-full" />
      </div>
    );
  if (trace.isError) return <ErrorState error={trace.error} onRetry={() => void trace.refetch()} />;
  return <Detail tr={trace.data} />;
}

function Detail({ tr }: { tr: TraceDetail }) {
  const t = useTranslations("botLibrary.metrics.detail");
  const format = useFormatter();
  const total = Math.max(1, tr.latencyMs, ...tr.steps.map((s) => s.ms));
  return (
    <div className="flex flex-col gap-5" data-testid="trace-detail">
      <SheetHeader>
        <SheetTitle className="flex flex-wrap items-center gap-2 pr-6">
          {t("title")} <OutcomeBadge outcome={tr.outcome} />
        </SheetTitle>
        <SheetDescription>
          {format.dateTime(new Date(tr.createdAt), { dateStyle: "medium", timeStyle: "medium" })} · {tr.latencyMs} ms
          {tr.model && ` · ${tr.provider ?? ""} ${tr.model}`} · {t("tokens", { input: tr.inputTokens, output: tr.outputTokens })} · {tr.channel}
        </SheetDescription>
      </SheetHeader>
      <div className="flex flex-col gap-5 px-4 pb-6">
        <Section title={t("exchange")}>
          <div className="rounded-md border bg-muted/30 p-3 text-sm">
            <p className="text-xs font-medium text-muted-foreground">{t("customer")}</p>
            <p className="whitespace-pre-wrap">{tr.input}</p>
            <p className="mt-2 text-xs font-medium text-muted-foreground">{t("bot")}</p>
            <p className="whitespace-pre-wrap">{tr.output ?? "—"}</p>
          </div>
          <div className="flex flex-wrap gap-2 text-xs">
            {tr.intent && <Badge variant="outline">{t("intent", { name: tr.intent.name })}</Badge>}
            {tr.confidence !== null && <Badge variant="outline">{t("confidence", { value: tr.confidence.toFixed(2) })}</Badge>}
          </div>
          {tr.error && <p className="rounded-md border border-destructive/40 px-3 py-2 text-sm text-destructive">{tr.error}</p>}
        </Section>
        <Section title={t("steps")} testId="trace-steps">
          {tr.steps.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t("none")}</p>
          ) : (
            <ol className="flex flex-col gap-1.5">
              {tr.steps.map((s, i) => (
                <li key={i} className="grid grid-cols-[minmax(0,1fr)_4.5rem] items-center gap-x-3 text-xs" data-testid="trace-step">
                  <span className="truncate">
                    <span className="font-medium">{s.name}</span> <span className="text-muted-foreground">({s.type})</span>
                  </span>
                  <span className="text-right tabular-nums">{Math.round(s.ms)} ms</span>
                  <div className="col-span-2 h-1.5 rounded-full bg-muted" aria-hidden="true">
                    <div className="h-full rounded-full bg-primary/70" style={{ width: `${Math.max(1, (s.ms / total) * 100)}%` }} />
                  </div>
                </li>
              ))}
            </ol>
          )}
        </Section>
        <Section title={t("passages", { count: tr.passages.length })} testId="trace-passages">
          {tr.passages.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t("none")}</p>
          ) : (
            <ol className="flex flex-col gap-2">
              {tr.passages.map((p) => (
                <li key={p.chunkId} className="rounded-md border p-2.5 text-xs">
                  <p className="flex justify-between gap-2 font-medium">
                    <span className="truncate">{p.title}</span>
                    <span className="tabular-nums text-muted-foreground">{p.score.toFixed(3)}</span>
                  </p>
                  <p className="mt-1 line-clamp-4 whitespace-pre-wrap text-muted-foreground">{p.content}</p>
                </li>
              ))}
            </ol>
          )}
        </Section>
        <Section title={t("toolCalls", { count: tr.toolCalls.length })} testId="trace-tools">
          {tr.toolCalls.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t("none")}</p>
          ) : (
            <ol className="flex flex-col gap-2">
              {tr.toolCalls.map((c, i) => (
                <li key={i} className="flex flex-col gap-1.5 rounded-md border p-2.5 text-xs">
                  <p className="flex flex-wrap items-center gap-2">
                    {c.ok ? <CheckCircle2Icon className="size-3.5 text-emerald-600" aria-label={t("ok")} /> : <XCircleIcon className="size-3.5 text-destructive" aria-label={t("failed")} />}
                    <span className="font-mono font-medium">{c.name}</span>
                    {c.status !== undefined && <Badge variant="outline">HTTP {c.status}</Badge>}
                    <span className="ml-auto tabular-nums text-muted-foreground">{Math.round(c.ms)} ms</span>
                  </p>
                  <JsonView value={c.params} className="max-h-32" />
                  {c.error && <p className="text-destructive">{c.error}</p>}
                  {c.result && <JsonView value={c.result} className="max-h-40" />}
                </li>
              ))}
            </ol>
          )}
        </Section>
      </div>
    </div>
  );
}
