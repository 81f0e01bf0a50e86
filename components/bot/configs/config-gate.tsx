"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { BotIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { ErrorState } from "@/components/common/error-state";
import { isApiError } from "@/lib/client/api";
import { useBotConfig, type BotConfig } from "@/lib/client/bot";
import { useSelectedConfigId } from "../config-switcher";

/**
 * Loads the config a builder page edits (the `?configId=` draft or the active one) and renders the page with it;
 * without any config yet it says where to create one.
 */
export function ConfigGate({ children, skeleton }: { children: (config: BotConfig, configId: string | null) => ReactNode; skeleton?: ReactNode }) {
  const t = useTranslations("bot.gate");
  const configId = useSelectedConfigId();
  const config = useBotConfig(configId);
  const missing = config.isError && isApiError(config.error) && config.error.status === 404;
  // A config just created or imported may not be in the cached list yet: only the list read now says it is gone.
  if (config.isPending || (missing && config.isFetching)) return <>{skeleton ?? <PageSkeleton />}</>;
  if (missing || config.data === null)
    return (
      <EmptyState
          icon={BotIcon}
          className="rounded-lg border bg-card py-16"
          title={missing ? t("missingTitle") : t("noneTitle")}
          description={missing ? t("missingText") : t("noneText")}
          data-testid="bot-no-config"
          action={
            <Button asChild variant="outline">
              <Link href="/bot">{t("toOverview")}</Link>
            </Button>
          }
        />
      );
  if (config.isError) return <ErrorState className="rounded-lg border bg-card" error={config.error} onRetry={() => void config.refetch()} />;
  return <>{children(config.data, configId)}</>;
}

function PageSkeleton() {
  return (
    <div className="flex flex-col gap-4" aria-busy="true">
      <Skeleton className="h-10 w-full max-w-md" />
      <Skeleton className="h-64 w-full" />
      <Skeleton className="h-10 w-32" />
    </div>
  );
}
