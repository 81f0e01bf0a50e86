"use client";

import { useTranslations } from "next-intl";
import { toast } from "@/components/ui/sonner";
import { ConfirmDialog } from "@/components/common/confirm-dialog";
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
    <ConfirmDialog
      open={Boolean(config)}
      onClose={onClose}
      variant="default"
      title={t("title", { name: config?.name ?? "" })}
      description={active && active.id !== config?.id ? t("replaces", { current: active.name }) : t("first")}
      confirmLabel={t("confirm")}
      cancelLabel={t("cancel")}
      pending={activate.isPending}
      pendingLabel={t("pending")}
      testId="config-activate-confirm"
      onConfirm={confirm}
    >
      {config && !config.aiConfigured && <p className="text-sm text-amber-700 dark:text-amber-300">{t("noAi")}</p>}
    </ConfirmDialog>
  );
}
