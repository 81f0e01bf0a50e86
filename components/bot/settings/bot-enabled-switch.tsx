"use client";

import { useId } from "react";
import { useTranslations } from "next-intl";
import { Skeleton } from "@/components/ui/skeleton";
import { Switch } from "@/components/ui/switch";
import { toast } from "@/components/ui/sonner";
import { useErrorMessage } from "@/components/common/use-api-errors";
import { useBotEnabled, useSetBotEnabled } from "@/lib/client/bot";

/** The organization's master switch: off, the bot answers nobody (conversations go straight to people). */
export function BotEnabledSwitch({ testId = "bot-enabled-switch" }: { testId?: string }) {
  const t = useTranslations("bot.enabled");
  const id = useId();
  const enabled = useBotEnabled();
  const set = useSetBotEnabled();
  const errorMessage = useErrorMessage();
  if (enabled.isPending) return <Skeleton className="h-14 w-full" />;
  const on = enabled.data ?? false;
  return (
    <div className="flex items-start justify-between gap-4">
      <div className="min-w-0 space-y-0.5">
        <label htmlFor={id} className="text-sm font-medium">
          {t("label")}
        </label>
        <p className="text-sm text-muted-foreground" id={`${id}-hint`}>
          {enabled.isError ? t("loadFailed") : on ? t("onHint") : t("offHint")}
        </p>
      </div>
      <Switch
        id={id}
        checked={on}
        disabled={enabled.isError || set.isPending}
        aria-describedby={`${id}-hint`}
        onCheckedChange={(next) =>
          set.mutate(next, {
            onSuccess: () => toast.success(next ? t("turnedOn") : t("turnedOff")),
            onError: (e) => toast.error(errorMessage(e)),
          })
        }
        data-testid={testId}
      />
    </div>
  );
}
