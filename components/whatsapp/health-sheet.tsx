"use client";

import type { ReactNode } from "react";
import { ActivityIcon, CircleAlertIcon, RotateCwIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Sheet, SheetContent, SheetDescription, SheetHeader, SheetTitle } from "@/components/ui/sheet";
import { Skeleton } from "@/components/ui/skeleton";
import { ErrorState } from "@/components/common/error-state";
import { RelativeTime } from "@/components/common/relative-time";
import { useAccountHealth, type WhatsappAccount } from "@/lib/client/whatsapp";
import { AccountStatusBadge, QualityIndicator, tierLabel } from "./badges";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex items-center justify-between gap-4 border-b py-2.5 text-sm last:border-0">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="text-right font-medium">{children}</dd>
    </div>
  );
}

/** What Meta says about the number right now: asked live each time the panel opens or is refreshed. */
export function HealthSheet({ account, onClose }: { account: WhatsappAccount | null; onClose: () => void }) {
  const t = useTranslations("whatsapp.health");
  const health = useAccountHealth(account?.id ?? null);
  const h = health.data;
  return (
    <Sheet open={Boolean(account)} onOpenChange={(open) => !open && onClose()}>
      <SheetContent className="w-full sm:max-w-md" data-testid="health-sheet">
        <SheetHeader>
          <SheetTitle className="flex items-center gap-2">
            <ActivityIcon className="size-4" />
            {t("title")}
          </SheetTitle>
          <SheetDescription>{account?.displayPhoneNumber ?? account?.phoneNumberId}</SheetDescription>
        </SheetHeader>
        <div className="flex flex-col gap-4 px-4 pb-6">
          {health.isPending ? (
            <div className="flex flex-col gap-3" aria-busy="true">
              {Array.from({ length: 7 }, (_, i) => (
                <Skeleton key={i} className="h-5 w-full" />
              ))}
            </div>
          ) : health.isError ? (
            <ErrorState error={health.error} onRetry={() => void health.refetch()} />
          ) : (
            h && (
              <>
                {h.error && (
                  <div role="alert" data-testid="health-error" className="flex gap-2 rounded-md border border-destructive/30 bg-destructive/5 p-3 text-sm text-destructive">
                    <CircleAlertIcon className="mt-0.5 size-4 shrink-0" />
                    <div>
                      <p className="font-medium">{t("errorTitle")}</p>
                      <p className="text-destructive/90">{t("errorText", { message: h.error.message, code: h.error.code })}</p>
                    </div>
                  </div>
                )}
                <dl>
                  <Row label={t("status")}>
                    <AccountStatusBadge status={h.status} />
                  </Row>
                  <Row label={t("verifiedName")}>{h.verifiedName ?? "—"}</Row>
                  <Row label={t("nameStatus")}>{h.nameStatus ?? "—"}</Row>
                  <Row label={t("quality")}>
                    <QualityIndicator rating={h.qualityRating} />
                  </Row>
                  <Row label={t("tier")}>{tierLabel(h.messagingLimitTier, t("unlimited"))}</Row>
                  <Row label={t("throughput")}>{t("mps", { mps: h.throughputMps, level: h.throughputLevel ?? "—" })}</Row>
                  <Row label={t("numberStatus")}>{h.numberStatus ?? "—"}</Row>
                  <Row label={t("verification")}>{h.codeVerificationStatus ?? "—"}</Row>
                  <Row label={t("platform")}>{h.platformType ?? "—"}</Row>
                  <Row label={t("checkedAt")}>
                    <RelativeTime value={h.checkedAt} />
                  </Row>
                </dl>
              </>
            )
          )}
          <Button variant="outline" onClick={() => void health.refetch()} disabled={health.isFetching} data-testid="health-refresh">
            <RotateCwIcon className={health.isFetching ? "animate-spin" : undefined} />
            {t("refresh")}
          </Button>
        </div>
      </SheetContent>
    </Sheet>
  );
}
