"use client";

import { useState } from "react";
import { ArchiveIcon, ArchiveRestoreIcon, PlusIcon, Trash2Icon } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { toast } from "@/components/ui/sonner";
import { ConfirmDialog } from "@/components/common/confirm-dialog";
import { QueryState } from "@/components/common/query-state";
import { RelativeTime } from "@/components/common/relative-time";
import { RowActions } from "@/components/common/row-actions";
import { useErrorMessage } from "@/components/common/use-api-errors";
import { useDeleteSnapshot, useRestoreSnapshot, useSnapshots, type Snapshot } from "@/lib/client/bot-library";
import { SnapshotDialog } from "./snapshot-dialog";

/** Named copies of the config (and its intents) to roll back to. */
export function SnapshotList({ configId, configName }: { configId: string | null; configName: string | null }) {
  const t = useTranslations("botLibrary.snapshots");
  const format = useFormatter();
  const snapshots = useSnapshots(configId);
  const restore = useRestoreSnapshot();
  const remove = useDeleteSnapshot();
  const errorMessage = useErrorMessage();
  const [creating, setCreating] = useState(false);
  const [confirm, setConfirm] = useState<{ kind: "restore" | "delete"; snapshot: Snapshot } | null>(null);
  const pending = restore.isPending || remove.isPending;

  const onConfirm = () => {
    if (!confirm) return;
    const { kind, snapshot } = confirm;
    const mutation = kind === "restore" ? restore : remove;
    mutation.mutate(snapshot.id, {
      onSuccess: () => {
        toast.success(t(kind === "restore" ? "restored" : "deleted", { name: snapshot.name }));
        setConfirm(null);
      },
      onError: (e) => toast.error(errorMessage(e)),
    });
  };

  return (
    <Card data-testid="snapshots">
      <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-3">
        <div className="space-y-1.5">
          <CardTitle>{t("title")}</CardTitle>
          <CardDescription>{configName ? t("descriptionFor", { name: configName }) : t("description")}</CardDescription>
        </div>
        <Button size="sm" onClick={() => setCreating(true)} data-testid="snapshot-create">
          <PlusIcon />
          {t("new")}
        </Button>
      </CardHeader>
      <CardContent className="p-0">
        <QueryState
          query={snapshots}
          skeleton={{ rows: 3, columns: 2 }}
          empty={<EmptyState icon={ArchiveIcon} className="py-10" title={t("emptyTitle")} description={t("emptyText")} />}
        >
          {(data) => (
            <ul className="divide-y border-t">
              {data.map((s) => (
                <li key={s.id} className="flex items-center gap-3 px-4 py-3 sm:px-6" data-testid="snapshot-row" data-name={s.name}>
                  <ArchiveIcon className="size-4 shrink-0 text-muted-foreground" aria-hidden="true" />
                  <div className="min-w-0 flex-1">
                    <p className="truncate text-sm font-medium">{s.name}</p>
                    {s.note && <p className="line-clamp-2 text-xs text-muted-foreground">{s.note}</p>}
                    <p className="text-xs text-muted-foreground">
                      <RelativeTime value={s.createdAt} /> · {format.number(s.size / 1024, { maximumFractionDigits: 1 })} KB
                    </p>
                  </div>
                  <RowActions
                    label={t("actions", { name: s.name })}
                    testId="snapshot-actions"
                    actions={[
                      { label: t("restore"), icon: ArchiveRestoreIcon, onSelect: () => setConfirm({ kind: "restore", snapshot: s }), testId: "snapshot-restore" },
                      { label: t("delete"), icon: Trash2Icon, onSelect: () => setConfirm({ kind: "delete", snapshot: s }), destructive: true, testId: "snapshot-delete" },
                    ]}
                  />
                </li>
              ))}
            </ul>
          )}
        </QueryState>
      </CardContent>
      <SnapshotDialog open={creating} configId={configId} onClose={() => setCreating(false)} />
      <ConfirmDialog
        open={Boolean(confirm)}
        onClose={() => setConfirm(null)}
        title={confirm ? t(`${confirm.kind}Dialog.title`, { name: confirm.snapshot.name }) : ""}
        description={confirm ? t(`${confirm.kind}Dialog.description`) : ""}
        confirmLabel={confirm ? t(`${confirm.kind}Dialog.confirm`) : ""}
        cancelLabel={t("cancel")}
        pending={pending}
        testId="snapshot-confirm"
        onConfirm={onConfirm}
      />
    </Card>
  );
}
