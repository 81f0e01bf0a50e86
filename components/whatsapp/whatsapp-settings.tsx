"use client";

import { useState } from "react";
import { InfoIcon, PhoneIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/sonner";
import { ErrorState } from "@/components/common/error-state";
import { PageHeader } from "@/components/common/page-header";
import { useErrorMessage } from "@/components/common/use-api-errors";
import { useDeleteAccount, useLiveWhatsapp, useMetaConfig, useWhatsappAccounts, type MetaConfig, type WhatsappAccount } from "@/lib/client/whatsapp";
import { AccountCard } from "./account-card";
import { AlertsPanel } from "./alerts-panel";
import { ConfirmDialog } from "@/components/common/confirm-dialog";
import { ConnectManualDialog } from "./connect-manual-dialog";
import { EditAccountDialog } from "./edit-account-dialog";
import { EmbeddedSignupButton } from "./embedded-signup-button";
import { HealthSheet } from "./health-sheet";
import { MetaConfigCard } from "./meta-config-card";

const code = (chunks: React.ReactNode) => <code className="rounded bg-muted px-1 py-0.5 font-mono text-[11px] text-foreground">{chunks}</code>;

/** Why the Facebook button is missing, and what would make it appear. */
function EmbeddedSignupHint({ config }: { config: MetaConfig }) {
  const t = useTranslations("whatsapp.embedded");
  return (
    <Alert data-testid="embedded-signup-hint">
      <InfoIcon />
      <AlertTitle>{t("unavailableTitle")}</AlertTitle>
      <AlertDescription>
        <p>{t.rich(config.serverConfigured ? "needsOrgConfig" : "needsServerConfig", { code })}</p>
      </AlertDescription>
    </Alert>
  );
}

function AccountsSkeleton() {
  return (
    <div className="grid gap-4 lg:grid-cols-2" aria-hidden="true">
      {[0, 1].map((i) => (
        <div key={i} className="flex flex-col gap-3 rounded-lg border p-4">
          <Skeleton className="h-5 w-1/2" />
          <Skeleton className="h-4 w-1/3" />
          <Skeleton className="h-10 w-full" />
        </div>
      ))}
    </div>
  );
}

export function WhatsappSettings() {
  const t = useTranslations("whatsapp");
  const accounts = useWhatsappAccounts();
  const metaConfig = useMetaConfig();
  const remove = useDeleteAccount();
  const errorMessage = useErrorMessage();
  const [health, setHealth] = useState<WhatsappAccount | null>(null);
  const [editing, setEditing] = useState<WhatsappAccount | null>(null);
  const [disconnecting, setDisconnecting] = useState<WhatsappAccount | null>(null);
  useLiveWhatsapp();

  const config = metaConfig.data;
  const list = accounts.data ?? [];
  const label = (a: WhatsappAccount) => a.alias || a.displayPhoneNumber || a.phoneNumberId;

  return (
    <div className="flex flex-col gap-8" data-testid="whatsapp-settings">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <>
            {config?.embeddedSignupAvailable && <EmbeddedSignupButton config={config} />}
            <ConnectManualDialog variant={config?.embeddedSignupAvailable ? "outline" : "default"} />
          </>
        }
      />

      <section className="flex flex-col gap-3" aria-label={t("numbers")}>
        {accounts.isPending ? (
          <AccountsSkeleton />
        ) : accounts.isError ? (
          <div className="rounded-lg border">
            <ErrorState error={accounts.error} onRetry={() => void accounts.refetch()} />
          </div>
        ) : list.length === 0 ? (
          <EmptyState icon={PhoneIcon} title={t("emptyTitle")} description={t("emptyText")} className="rounded-lg border py-14" action={<ConnectManualDialog variant="outline" />} />
        ) : (
          <div className="grid gap-4 lg:grid-cols-2">
            {list.map((a) => (
              <AccountCard key={a.id} account={a} onHealth={() => setHealth(a)} onEdit={() => setEditing(a)} onDisconnect={() => setDisconnecting(a)} />
            ))}
          </div>
        )}
      </section>

      <AlertsPanel accounts={list} />

      {config && !config.embeddedSignupAvailable && <EmbeddedSignupHint config={config} />}
      {config && <MetaConfigCard key={`${config.appId}:${config.configId}`} config={config} />}

      <HealthSheet account={health} onClose={() => setHealth(null)} />
      <EditAccountDialog account={editing} onClose={() => setEditing(null)} />
      <ConfirmDialog
        open={Boolean(disconnecting)}
        onClose={() => setDisconnecting(null)}
        title={t("disconnectDialog.title", { name: disconnecting ? label(disconnecting) : "" })}
        description={t("disconnectDialog.description")}
        confirmLabel={t("disconnectDialog.confirm")}
        cancelLabel={t("disconnectDialog.cancel")}
        pending={remove.isPending}
        testId="account-disconnect-confirm"
        onConfirm={() => {
          if (!disconnecting) return;
          remove.mutate(disconnecting.id, {
            onSuccess: () => {
              toast.success(t("disconnectDialog.done", { name: label(disconnecting) }));
              setDisconnecting(null);
            },
            onError: (e) => toast.error(errorMessage(e)),
          });
        }}
      />
    </div>
  );
}
