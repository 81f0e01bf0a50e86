"use client";

import { useTranslations } from "next-intl";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { toast } from "@/components/ui/sonner";
import { Spinner } from "@/components/ui/spinner";
import { useErrorMessage } from "@/components/common/use-api-errors";
import { useActivateConfig, type BotConfig } from "@/lib/client/bot";

/** Activating a draft puts it in front of customers at once and turns the current active config into a draft. */
export function ActivateConfigDialog({ config, active, onClose, onActivated }: { config: BotConfig | null; active: BotConfig | null; onClose: () => void; onActivated?: (c: BotConfig) => void }) {
  const t = useTranslations("bot.activate");
  const activate = useActivateConfig();
  const errorMessage = useErrorMessage();
  const confirm = () =>
    config &&
    activate.mutate(config.id, {
      onSuccess: (c) => {
        toast.success(t("done", { name: config.name }));
        onClose();
        onActivated?.(c);
      },
      onError: (e) => toast.error(errorMessage(e)),
    });
  return (
    <AlertDialog open={Boolean(config)} onOpenChange={(open) => !open && onClose()}>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{t("title", { name: config?.name ?? "" })}</AlertDialogTitle>
          <AlertDialogDescription>
            {active && active.id !== config?.id ? t("replaces", { current: active.name }) : t("first")}
          </AlertDialogDescription>
        </AlertDialogHeader>
        {config && !config.aiConfigured && <p className="text-sm text-amber-700 dark:text-amber-300">{t("noAi")}</p>}
        <AlertDialogFooter>
          <AlertDialogCancel>{t("cancel")}</AlertDialogCancel>
          <AlertDialogAction
            data-testid="config-activate-confirm"
            disabled={activate.isPending}
            onClick={(e) => {
              e.preventDefault();
              confirm();
            }}
          >
            {activate.isPending && <Spinner label={t("pending")} />}
            {t("confirm")}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
