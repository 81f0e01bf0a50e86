"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Skeleton } from "@/components/ui/skeleton";
import { useBotUsage } from "@/lib/client/bot";
import { cn } from "@/lib/utils";

/** This month's bot answers against the plan's budget: the bot hands everything to people once it is spent. */
export function UsageMeter() {
  const t = useTranslations("bot.usage");
  const format = useFormatter();
  const usage = useBotUsage();
  if (usage.isPending) return <Skeleton className="h-16 w-full" />;
  if (usage.isError)
    return (
      <p className="text-sm text-muted-foreground" role="alert">
        {t("loadFailed")}{" "}
        <button type="button" className="font-medium text-foreground underline underline-offset-4" onClick={() => void usage.refetch()} data-testid="bot-usage-retry">
          {t("retry")}
        </button>
      </p>
    );
  const u = usage.data;
  const pct = u.limit ? Math.min(100, Math.round((u.messages / u.limit) * 100)) : 0;
  const tone = pct >= 100 ? "bg-destructive" : pct >= 80 ? "bg-amber-500" : "bg-primary";
  return (
    <div className="space-y-2" data-testid="bot-usage">
      <div className="flex items-baseline justify-between gap-2">
        <span className="text-sm font-medium">{t("label")}</span>
        <span className="text-sm tabular-nums text-muted-foreground">
          {u.limit === null ? t("unlimited", { used: format.number(u.messages) }) : t("ofLimit", { used: format.number(u.messages), limit: format.number(u.limit) })}
        </span>
      </div>
      {u.limit !== null && (
        <div
          role="meter"
          aria-label={t("label")}
          aria-valuemin={0}
          aria-valuemax={u.limit}
          aria-valuenow={Math.min(u.messages, u.limit)}
          className="h-2 overflow-hidden rounded-full bg-muted"
        >
          <div className={cn("h-full rounded-full transition-[width]", tone)} style={{ width: `${pct}%` }} />
        </div>
      )}
      <p className="text-xs text-muted-foreground">
        {pct >= 100
          ? t("exhausted")
          : t("details", {
              plan: u.plan,
              tokens: format.number(u.inputTokens + u.outputTokens),
              cost: format.number(u.estimatedCostUsd, { style: "currency", currency: "USD", maximumFractionDigits: 2 }),
            })}
      </p>
    </div>
  );
}
