"use client";

import { useState } from "react";
import { BellIcon, CheckCheckIcon, CheckIcon, CircleAlertIcon, InfoIcon, TriangleAlertIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Switch } from "@/components/ui/switch";
import { toast } from "@/components/ui/sonner";
import { Spinner } from "@/components/ui/spinner";
import { ErrorState } from "@/components/common/error-state";
import { RelativeTime } from "@/components/common/relative-time";
import { useErrorMessage } from "@/components/common/use-api-errors";
import { useAcknowledgeAlert, useAcknowledgeAllAlerts, useAlerts, type AccountAlert, type WhatsappAccount } from "@/lib/client/whatsapp";
import { cn } from "@/lib/utils";

const SEVERITY = {
  critical: { icon: CircleAlertIcon, tone: "text-rose-600 dark:text-rose-400" },
  warning: { icon: TriangleAlertIcon, tone: "text-amber-600 dark:text-amber-400" },
  info: { icon: InfoIcon, tone: "text-sky-600 dark:text-sky-400" },
} as const;

function AlertRow({ alert, number }: { alert: AccountAlert; number?: string }) {
  const t = useTranslations("whatsapp.alerts");
  const ack = useAcknowledgeAlert();
  const errorMessage = useErrorMessage();
  const { icon: Icon, tone } = SEVERITY[alert.severity as keyof typeof SEVERITY] ?? SEVERITY.warning;
  const done = Boolean(alert.acknowledgedAt);
  return (
    <li className={cn("flex gap-3 px-4 py-3", done && "opacity-60")} data-testid="alert-row" data-type={alert.type} data-acknowledged={done || undefined}>
      <Icon className={cn("mt-0.5 size-4 shrink-0", tone)} aria-hidden="true" />
      <div className="min-w-0 flex-1">
        <p className="text-sm font-medium">{alert.title}</p>
        <p className="text-sm text-pretty text-muted-foreground">{alert.message}</p>
        <p className="mt-1 text-xs text-muted-foreground">
          <RelativeTime value={alert.createdAt} />
          {number && ` · ${number}`}
          {done && ` · ${t("acknowledged")}`}
        </p>
      </div>
      {!done && (
        <Button
          variant="ghost"
          size="sm"
          disabled={ack.isPending}
          data-testid="alert-acknowledge"
          onClick={() => ack.mutate(alert.id, { onError: (e) => toast.error(errorMessage(e)) })}
        >
          {ack.isPending ? <Spinner /> : <CheckIcon />}
          {t("acknowledge")}
        </Button>
      )}
    </li>
  );
}

export function AlertsPanel({ accounts }: { accounts: WhatsappAccount[] }) {
  const t = useTranslations("whatsapp.alerts");
  const [showAll, setShowAll] = useState(false);
  const alerts = useAlerts(showAll ? undefined : false);
  const ackAll = useAcknowledgeAllAlerts();
  const errorMessage = useErrorMessage();
  const numbers = new Map(accounts.map((a) => [a.id, a.alias || a.displayPhoneNumber || a.phoneNumberId]));
  const rows = alerts.data?.data ?? [];
  const open = rows.filter((a) => !a.acknowledgedAt).length;

  return (
    <section className="flex flex-col gap-3" aria-labelledby="alerts-title" data-testid="alerts-panel">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="alerts-title" className="flex items-center gap-2 text-base font-semibold">
          <BellIcon className="size-4" />
          {t("title")}
        </h2>
        <div className="flex items-center gap-3">
          <label className="flex items-center gap-2 text-sm text-muted-foreground">
            <Switch checked={showAll} onCheckedChange={setShowAll} data-testid="alerts-show-all" />
            {t("showAcknowledged")}
          </label>
          <Button
            variant="outline"
            size="sm"
            disabled={open === 0 || ackAll.isPending}
            data-testid="alerts-acknowledge-all"
            onClick={() =>
              ackAll.mutate(undefined, {
                onSuccess: (r) => toast.success(t("acknowledgedAll", { count: r.acknowledged })),
                onError: (e) => toast.error(errorMessage(e)),
              })
            }
          >
            {ackAll.isPending ? <Spinner /> : <CheckCheckIcon />}
            {t("acknowledgeAll")}
          </Button>
        </div>
      </div>
      <div className="overflow-hidden rounded-lg border bg-card">
        {alerts.isPending ? (
          <div className="flex flex-col gap-3 p-4" aria-hidden="true">
            <Skeleton className="h-4 w-2/3" />
            <Skeleton className="h-4 w-1/2" />
          </div>
        ) : alerts.isError ? (
          <ErrorState error={alerts.error} onRetry={() => void alerts.refetch()} />
        ) : rows.length === 0 ? (
          <EmptyState icon={CheckCheckIcon} title={t("emptyTitle")} description={t("emptyText")} className="py-10" />
        ) : (
          <ul className="divide-y">
            {rows.map((a) => (
              <AlertRow key={a.id} alert={a} number={a.whatsappAccountId ? numbers.get(a.whatsappAccountId) : undefined} />
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
