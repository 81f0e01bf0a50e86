"use client";

import { useState } from "react";
import { KeyRoundIcon, Trash2Icon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Switch } from "@/components/ui/switch";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toast } from "@/components/ui/sonner";
import { ConfirmDialog } from "@/components/common/confirm-dialog";
import { ErrorState } from "@/components/common/error-state";
import { PageHeader } from "@/components/common/page-header";
import { RelativeTime } from "@/components/common/relative-time";
import { TableSkeleton } from "@/components/common/table-skeleton";
import { useErrorMessage } from "@/components/common/use-api-errors";
import { RoleBadge } from "@/components/users/role-badge";
import { useApiKeys, useDeleteApiKey, useUpdateApiKey, type ApiKey } from "@/lib/client/api-keys";
import { CreateApiKeyDialog } from "./create-api-key-dialog";

function KeyState({ apiKey }: { apiKey: ApiKey }) {
  const t = useTranslations("apiKeys");
  const update = useUpdateApiKey();
  const errorMessage = useErrorMessage();
  const expired = apiKey.expiresAt !== null && new Date(apiKey.expiresAt) < new Date();
  if (expired) return <Badge variant="muted">{t("expired")}</Badge>;
  return (
    <label className="inline-flex items-center gap-2 text-sm">
      <Switch
        checked={apiKey.enabled}
        disabled={update.isPending}
        aria-label={t("toggle", { name: apiKey.name })}
        onCheckedChange={(enabled) =>
          update.mutate(
            { id: apiKey.id, enabled },
            {
              onSuccess: () => toast.success(enabled ? t("enabledToast", { name: apiKey.name }) : t("disabledToast", { name: apiKey.name })),
              onError: (e) => toast.error(errorMessage(e)),
            },
          )
        }
      />
      <span className={apiKey.enabled ? undefined : "text-muted-foreground"}>{apiKey.enabled ? t("active") : t("disabled")}</span>
    </label>
  );
}

function RevokeDialog({ apiKey, onClose }: { apiKey: ApiKey | null; onClose: () => void }) {
  const t = useTranslations("apiKeys.revoke");
  const remove = useDeleteApiKey();
  const errorMessage = useErrorMessage();
  return (
    <ConfirmDialog
      open={Boolean(apiKey)}
      onClose={onClose}
      title={t("title", { name: apiKey?.name ?? "" })}
      description={t("description")}
      confirmLabel={t("confirm")}
      cancelLabel={t("cancel")}
      pending={remove.isPending}
      onConfirm={() => {
        if (!apiKey) return;
        remove.mutate(apiKey.id, {
          onSuccess: () => {
            toast.success(t("done", { name: apiKey.name }));
            onClose();
          },
          onError: (err) => toast.error(errorMessage(err)),
        });
      }}
      testId="api-key-revoke-confirm"
    />
  );
}

export function ApiKeysSettings() {
  const t = useTranslations("apiKeys");
  const query = useApiKeys();
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const [creating, setCreating] = useState(false);
  const rows = query.data?.data ?? [];

  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} description={t("description")} actions={<CreateApiKeyDialog open={creating} setOpen={setCreating} />} />
      <div className="overflow-hidden rounded-lg border bg-card">
        {query.isPending ? (
          <TableSkeleton rows={3} columns={5} />
        ) : query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : rows.length === 0 ? (
          <EmptyState
            icon={KeyRoundIcon}
            className="py-16"
            title={t("emptyTitle")}
            description={t("emptyText")}
            action={
              <Button variant="outline" onClick={() => setCreating(true)}>
                {t("emptyAction")}
              </Button>
            }
          />
        ) : (
          <Table>
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead className="pl-4">{t("colName")}</TableHead>
                <TableHead>{t("colRole")}</TableHead>
                <TableHead>{t("colState")}</TableHead>
                <TableHead className="hidden md:table-cell">{t("colLastUsed")}</TableHead>
                <TableHead className="hidden lg:table-cell">{t("colExpires")}</TableHead>
                <TableHead className="hidden lg:table-cell">{t("colCreated")}</TableHead>
                <TableHead className="w-12" />
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((k) => (
                <TableRow key={k.id} data-testid="api-key-row" data-name={k.name}>
                  <TableCell className="pl-4">
                    <div className="flex flex-col">
                      <span className="font-medium">{k.name}</span>
                      <code className="font-mono text-xs text-muted-foreground">{k.prefix}…</code>
                    </div>
                  </TableCell>
                  <TableCell>
                    <RoleBadge role={k.role} />
                  </TableCell>
                  <TableCell>
                    <KeyState apiKey={k} />
                  </TableCell>
                  <TableCell className="hidden text-muted-foreground md:table-cell">
                    <RelativeTime value={k.lastUsedAt} fallback={t("neverUsed")} />
                  </TableCell>
                  <TableCell className="hidden text-muted-foreground lg:table-cell">
                    <RelativeTime value={k.expiresAt} fallback={t("noExpiry")} />
                  </TableCell>
                  <TableCell className="hidden text-muted-foreground lg:table-cell">
                    <div className="flex flex-col">
                      <RelativeTime value={k.createdAt} />
                      {k.createdBy && <span className="text-xs">{t("by", { name: k.createdBy.name })}</span>}
                    </div>
                  </TableCell>
                  <TableCell className="pr-3 text-right">
                    <Button
                      variant="ghost"
                      size="icon-sm"
                      className="text-muted-foreground hover:text-destructive"
                      aria-label={t("revokeLabel", { name: k.name })}
                      data-testid="api-key-revoke"
                      onClick={() => setRevoking(k)}
                    >
                      <Trash2Icon />
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </div>
      <p className="text-xs text-muted-foreground">
        {t.rich("usageHint", { code: (chunks) => <code className="rounded bg-muted px-1 py-0.5 font-mono text-[11px] text-foreground">{chunks}</code> })}
      </p>
      <RevokeDialog apiKey={revoking} onClose={() => setRevoking(null)} />
    </div>
  );
}
