"use client";

import { ActivityIcon, EllipsisIcon, PencilIcon, PhoneIcon, UnplugIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { RelativeTime } from "@/components/common/relative-time";
import type { WhatsappAccount } from "@/lib/client/whatsapp";
import { AccountStatusBadge, QualityIndicator, SandboxBadge, tierLabel } from "./badges";

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5">
      <span className="text-xs text-muted-foreground">{label}</span>
      <span className="text-sm">{children}</span>
    </div>
  );
}

export function AccountCard({
  account,
  onHealth,
  onEdit,
  onDisconnect,
}: {
  account: WhatsappAccount;
  onHealth: () => void;
  onEdit: () => void;
  onDisconnect: () => void;
}) {
  const t = useTranslations("whatsapp");
  const title = account.alias || account.verifiedName || account.displayPhoneNumber || account.phoneNumberId;
  return (
    <article className="flex flex-col gap-4 rounded-lg border bg-card p-4 shadow-xs" data-testid="account-card" data-sandbox={account.isSandbox || undefined} data-id={account.id}>
      <header className="flex items-start gap-3">
        <div className="flex size-10 shrink-0 items-center justify-center rounded-full bg-emerald-50 text-emerald-700 dark:bg-emerald-500/10 dark:text-emerald-300">
          <PhoneIcon className="size-4.5" />
        </div>
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-2">
            <h3 className="truncate font-semibold" data-testid="account-title">
              {title}
            </h3>
            {account.isSandbox && <SandboxBadge />}
            <AccountStatusBadge status={account.status} />
          </div>
          <p className="truncate text-sm text-muted-foreground tabular-nums">
            {account.displayPhoneNumber ?? account.phoneNumberId}
            {account.verifiedName && account.verifiedName !== title ? ` · ${account.verifiedName}` : ""}
          </p>
        </div>
        <DropdownMenu>
          <DropdownMenuTrigger asChild>
            <Button variant="ghost" size="icon-sm" aria-label={t("actions", { name: title })} data-testid="account-actions">
              <EllipsisIcon />
            </Button>
          </DropdownMenuTrigger>
          <DropdownMenuContent align="end" className="w-52">
            <DropdownMenuItem onSelect={onHealth} data-testid="account-health">
              <ActivityIcon />
              {t("checkHealth")}
            </DropdownMenuItem>
            <DropdownMenuItem onSelect={onEdit} data-testid="account-edit">
              <PencilIcon />
              {account.isSandbox ? t("rename") : t("editAccount")}
            </DropdownMenuItem>
            {!account.isSandbox && (
              <>
                <DropdownMenuSeparator />
                <DropdownMenuItem variant="destructive" onSelect={onDisconnect} data-testid="account-disconnect">
                  <UnplugIcon />
                  {t("disconnect")}
                </DropdownMenuItem>
              </>
            )}
          </DropdownMenuContent>
        </DropdownMenu>
      </header>

      {account.isSandbox && (
        <p className="rounded-md bg-violet-50/70 px-3 py-2 text-xs text-violet-900 dark:bg-violet-500/10 dark:text-violet-200">
          {t.rich("sandboxHint", { link: (chunks) => <Link href="/sandbox" className="font-medium underline underline-offset-2">{chunks}</Link> })}
        </p>
      )}
      {account.lastError && account.status === "ERROR" && (
        <p role="alert" className="rounded-md border border-destructive/30 bg-destructive/5 px-3 py-2 text-xs text-destructive" data-testid="account-error">
          {account.lastError}
        </p>
      )}

      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Fact label={t("fields.quality")}>
          <QualityIndicator rating={account.qualityRating} />
        </Fact>
        <Fact label={t("fields.tier")}>{tierLabel(account.messagingLimitTier, t("health.unlimited"))}</Fact>
        <Fact label={t("fields.throughput")}>{t("health.mpsShort", { mps: account.throughputMps })}</Fact>
        <Fact label={t("fields.checked")}>
          <RelativeTime value={account.lastHealthAt} fallback={t("never")} />
        </Fact>
      </div>
      <footer className="flex flex-wrap items-center gap-x-4 gap-y-1 border-t pt-3 text-xs text-muted-foreground">
        <span>
          {t("fields.phoneNumberId")}: <code className="font-mono text-foreground">{account.phoneNumberId}</code>
        </span>
        <span>
          {t("fields.wabaId")}: <code className="font-mono text-foreground">{account.wabaId}</code>
        </span>
        <span>
          {t("fields.token")}: <code className="font-mono text-foreground">{account.tokenMasked}</code>
        </span>
      </footer>
    </article>
  );
}
