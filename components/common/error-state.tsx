"use client";

import { AlertTriangleIcon, RotateCwIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { useErrorMessage } from "./use-api-errors";

/** A failed load: what went wrong, in the reader's language, and a way to try again. */
export function ErrorState({ error, onRetry, className }: { error: unknown; onRetry?: () => void; className?: string }) {
  const t = useTranslations("common");
  const message = useErrorMessage();
  return (
    <EmptyState
      role="alert"
      className={className}
      icon={<AlertTriangleIcon className="text-destructive" />}
      title={t("loadFailed")}
      description={message(error)}
      action={
        onRetry && (
          <Button variant="outline" size="sm" onClick={onRetry}>
            <RotateCwIcon />
            {t("retry")}
          </Button>
        )
      }
    />
  );
}
