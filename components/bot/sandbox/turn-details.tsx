"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Badge, type BadgeProps } from "@/components/ui/badge";
import type { BotTurn } from "@/lib/client/bot";

const OUTCOME_VARIANT: Record<BotTurn["outcome"], BadgeProps["variant"]> = {
  ANSWERED: "success",
  INTENT: "default",
  HANDOFF: "warning",
  FALLBACK: "muted",
  SKIPPED: "muted",
  ERROR: "destructive",
};

const REASONS = ["requested", "intent", "low_confidence", "tool_failed", "llm", "budget", "no_answer", "error"] as const;
const isReason = (r: string): r is (typeof REASONS)[number] => (REASONS as readonly string[]).includes(r);

export function OutcomeBadge({ outcome }: { outcome: BotTurn["outcome"] }) {
  const t = useTranslations("bot.outcomes");
  return (
    <Badge variant={OUTCOME_VARIANT[outcome]} data-testid="sandbox-outcome">
      {t(outcome)}
    </Badge>
  );
}

/** Why the bot said what it said: intent, passages, tool calls, timings, model and tokens. */
export function TurnDetails({ turn }: { turn: BotTurn }) {
  const t = useTranslations("bot.why");
  const format = useFormatter();
  const pct = (n: number) => format.number(n, { style: "percent", maximumFractionDigits: 0 });
  const total = Math.max(1, turn.latencyMs, ...turn.steps.map((s) => s.ms));

  return (
    <div className="grid gap-3 rounded-lg border bg-card p-3 text-xs" data-testid="sandbox-why">
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        <dt className="text-muted-foreground">{t("outcome")}</dt>
        <dd>
          <OutcomeBadge outcome={turn.outcome} />
        </dd>
        <dt className="text-muted-foreground">{t("intent")}</dt>
        <dd data-testid="sandbox-why-intent">
          {turn.intent ? t("intentValue", { name: turn.intent.name, action: turn.intent.action }) : t("none")}
          {turn.confidence !== null && <span className="text-muted-foreground"> · {t("confidence", { value: pct(turn.confidence) })}</span>}
        </dd>
        {turn.handoff && (
          <>
            <dt className="text-muted-foreground">{t("handoff")}</dt>
            <dd>
              <span className="font-medium">{isReason(turn.handoff.reason) ? t(`reasons.${turn.handoff.reason}`) : turn.handoff.reason}</span>
              {turn.handoff.summary && <p className="mt-0.5 whitespace-pre-wrap text-muted-foreground">{turn.handoff.summary}</p>}
            </dd>
          </>
        )}
        <dt className="text-muted-foreground">{t("model")}</dt>
        <dd>{turn.model ? `${turn.provider ?? ""} · ${turn.model}` : t("noModel")}</dd>
        <dt className="text-muted-foreground">{t("tokens")}</dt>
        <dd className="tabular-nums">{t("tokensValue", { input: format.number(turn.usage.inputTokens), output: format.number(turn.usage.outputTokens) })}</dd>
        <dt className="text-muted-foreground">{t("latency")}</dt>
        <dd className="tabular-nums">{t("ms", { ms: format.number(turn.latencyMs) })}</dd>
      </dl>

      <Section title={t("passages", { count: turn.passages.length })}>
        {turn.passages.length === 0 ? (
          <p className="text-muted-foreground">{t("noPassages")}</p>
        ) : (
          <ol className="grid gap-2">
            {turn.passages.map((p) => (
              <li key={p.chunkId} className="rounded-md bg-muted/50 p-2" data-testid="sandbox-passage">
                <div className="flex items-center justify-between gap-2">
                  <span className="truncate font-medium">{p.title}</span>
                  <span className="shrink-0 tabular-nums text-muted-foreground">{t("score", { value: format.number(p.score, { maximumFractionDigits: 3 }) })}</span>
                </div>
                <p className="mt-1 line-clamp-4 whitespace-pre-wrap text-muted-foreground">{p.content}</p>
              </li>
            ))}
          </ol>
        )}
      </Section>

      {turn.toolCalls.length > 0 && (
        <Section title={t("toolCalls", { count: turn.toolCalls.length })}>
          <ol className="grid gap-2">
            {turn.toolCalls.map((c, i) => (
              <li key={`${c.toolId}-${i}`} className="grid gap-1 rounded-md bg-muted/50 p-2" data-testid="sandbox-tool-call">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-mono font-medium">{c.name}</span>
                  <Badge variant={c.ok ? "success" : "destructive"}>{c.ok ? t("ok") : t("failed")}</Badge>
                  {c.status !== undefined && <span className="text-muted-foreground">HTTP {c.status}</span>}
                  <span className="ml-auto tabular-nums text-muted-foreground">{t("ms", { ms: format.number(c.ms) })}</span>
                </div>
                <pre className="overflow-x-auto rounded bg-background p-1.5 font-mono text-[11px]">{JSON.stringify(c.params, null, 2)}</pre>
                {c.error && <p className="text-destructive">{c.error}</p>}
                {c.result && <p className="line-clamp-3 break-all text-muted-foreground">{c.result}</p>}
              </li>
            ))}
          </ol>
        </Section>
      )}

      {turn.steps.length > 0 && (
        <Section title={t("steps")}>
          <ol className="grid gap-1">
            {turn.steps.map((s, i) => (
              <li key={`${s.name}-${i}`} className="grid grid-cols-[minmax(0,9rem)_1fr_auto] items-center gap-2" data-testid="sandbox-step">
                <span className="truncate" title={s.type}>
                  {s.name}
                </span>
                <span className="h-1.5 overflow-hidden rounded-full bg-muted" aria-hidden="true">
                  <span className="block h-full rounded-full bg-primary/70" style={{ width: `${Math.max(2, (s.ms / total) * 100)}%` }} />
                </span>
                <span className="tabular-nums text-muted-foreground">{t("ms", { ms: format.number(Math.round(s.ms)) })}</span>
              </li>
            ))}
          </ol>
        </Section>
      )}
      <p className="text-[11px] text-muted-foreground">
        {t("trace")} <span className="font-mono">{turn.traceId}</span>
      </p>
    </div>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="grid gap-1.5">
      <h3 className="font-semibold">{title}</h3>
      {children}
    </section>
  );
}
