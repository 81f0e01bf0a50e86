"use client";

import { useState } from "react";
import { EyeIcon, EyeOffIcon, Trash2Icon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/sonner";
import { useErrorMessage } from "@/components/common/use-api-errors";
import { ConfirmDialog } from "@/components/common/confirm-dialog";
import { SelectionBar } from "@/components/common/selection-bar";
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
    <>
      <SelectionBar
        label={t("label")}
        selected={t("selected", { count: ids.length })}
        pending={bulk.isPending}
        clearLabel={t("clear")}
        onClear={onDone}
        testId="quick-reply-bulk-bar"
        clearTestId="quick-reply-bulk-clear"
      >
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
      </SelectionBar>
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
    </>
  );
}
