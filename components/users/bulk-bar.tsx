"use client";

import { useState } from "react";
import { MailIcon, ShieldIcon, Trash2Icon, XIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { Spinner } from "@/components/ui/spinner";
import { toast } from "@/components/ui/sonner";
import { ConfirmDialog } from "@/components/common/confirm-dialog";
import { useErrorMessage } from "@/components/common/use-api-errors";
import { useBulkUsers } from "@/lib/client/users";

type Action = { action: "delete" } | { action: "resendInvite" } | { action: "changeRole"; role: "ADMIN" | "AGENT" };

/** Actions on the selected rows of the current page. */
export function BulkBar({ ids, onDone }: { ids: string[]; onDone: () => void }) {
  const t = useTranslations("users.bulk");
  const tr = useTranslations("roles");
  const bulk = useBulkUsers();
  const errorMessage = useErrorMessage();
  const [confirmDelete, setConfirmDelete] = useState(false);

  const run = async (a: Action) => {
    try {
      const res = await bulk.mutateAsync({ ...a, selection: { mode: "ids", ids } });
      if (res.failed.length) toast.warning(t("partial", { succeeded: res.succeeded, failed: res.failed.length }), { description: res.failed[0]?.message });
      else toast.success(t(`done.${a.action}`, { count: res.succeeded }));
      onDone();
    } catch (e) {
      toast.error(errorMessage(e));
    } finally {
      setConfirmDelete(false);
    }
  };

  return (
    <div className="flex flex-wrap items-center gap-2 rounded-lg border border-primary/25 bg-primary/5 px-3 py-2 text-sm" role="region" aria-label={t("label")}>
      <span className="font-medium">{t("selected", { count: ids.length })}</span>
      {bulk.isPending && <Spinner />}
      <div className="ml-auto flex flex-wrap items-center gap-1.5">
        <DropdownMenu>
          <DropdownMenuTrigger asChild>
            <Button variant="outline" size="sm" disabled={bulk.isPending}>
              <ShieldIcon />
              {t("changeRole")}
            </Button>
          </DropdownMenuTrigger>
          <DropdownMenuContent align="end">
            {(["ADMIN", "AGENT"] as const).map((role) => (
              <DropdownMenuItem key={role} onSelect={() => void run({ action: "changeRole", role })}>
                {tr(role)}
              </DropdownMenuItem>
            ))}
          </DropdownMenuContent>
        </DropdownMenu>
        <Button variant="outline" size="sm" disabled={bulk.isPending} onClick={() => void run({ action: "resendInvite" })}>
          <MailIcon />
          {t("resend")}
        </Button>
        <Button variant="outline" size="sm" disabled={bulk.isPending} onClick={() => setConfirmDelete(true)} className="text-destructive hover:text-destructive">
          <Trash2Icon />
          {t("remove")}
        </Button>
        <Button variant="ghost" size="icon-sm" onClick={onDone} aria-label={t("clear")}>
          <XIcon />
        </Button>
      </div>
      <ConfirmDialog
        open={confirmDelete}
        onClose={() => setConfirmDelete(false)}
        title={t("removeTitle", { count: ids.length })}
        description={t("removeText")}
        confirmLabel={t("removeConfirm", { count: ids.length })}
        cancelLabel={t("cancel")}
        pending={bulk.isPending}
        onConfirm={() => void run({ action: "delete" })}
        testId="users-bulk-remove-confirm"
      />
    </div>
  );
}
