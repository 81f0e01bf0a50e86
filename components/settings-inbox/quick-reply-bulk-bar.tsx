"use client";

import { useState } from "react";
import { EyeIcon, EyeOffIcon, Trash2Icon, XIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { toast } from "@/components/ui/sonner";
import { useErrorMessage } from "@/components/common/use-api-errors";
import { ConfirmDialog } from "@/components/common/confirm-dialog";
import { useBulkQuickReplies, type QuickReplyBulkAction } from "@/lib/client/quick-replies";

/** Activate, deactivate or delete the checked quick replies. */
export function QuickReplyBulkBar({ ids, onDone }: { ids: string[]; onDone: () => void }) {
  const t = useTranslations("quickRepliesSettings.bulk");
  const bulk = useBulkQuickReplies();
  const errorMessage = useErrorMessage();
  const [confirmDelete, setConfirmDelete] = useState(false);

  const run = (action: QuickReplyBulkAction) =>
    bulk.mutate(
      { action, selection: { mode: "ids", ids } },
      {
        onSuccess: (r) => {
          toast.success(t(`done.${action}`, { count: r.succeeded }));
          setConfirmDelete(false);
          onDone();
        },
        onError: (e) => toast.error(errorMessage(e)),
      },
    );

  return (
    <div className="flex flex-wrap items-center gap-2 rounded-lg border border-primary/25 bg-primary/5 px-3 py-2 text-sm" role="region" aria-label={t("label")} data-testid="quick-reply-bulk-bar">
      <span className="font-medium">{t("selected", { count: ids.length })}</span>
      {bulk.isPending && <Spinner />}
      <div className="ml-auto flex flex-wrap items-center gap-1.5">
        <Button variant="outline" size="sm" disabled={bulk.isPending} onClick={() => run("activate")} data-testid="quick-reply-bulk-activate">
          <EyeIcon />
          {t("activate")}
        </Button>
        <Button variant="outline" size="sm" disabled={bulk.isPending} onClick={() => run("deactivate")} data-testid="quick-reply-bulk-deactivate">
          <EyeOffIcon />
          {t("deactivate")}
        </Button>
        <Button variant="outline" size="sm" disabled={bulk.isPending} onClick={() => setConfirmDelete(true)} className="text-destructive hover:text-destructive" data-testid="quick-reply-bulk-delete">
          <Trash2Icon />
          {t("delete")}
        </Button>
        <Button variant="ghost" size="icon-sm" onClick={onDone} aria-label={t("clear")} data-testid="quick-reply-bulk-clear">
          <XIcon />
        </Button>
      </div>
      <ConfirmDialog
        open={confirmDelete}
        onClose={() => setConfirmDelete(false)}
        title={t("deleteTitle", { count: ids.length })}
        description={t("deleteText")}
        confirmLabel={t("deleteConfirm", { count: ids.length })}
        cancelLabel={t("cancel")}
        pending={bulk.isPending}
        testId="quick-reply-bulk-delete-confirm"
        onConfirm={() => run("delete")}
      />
    </div>
  );
}
