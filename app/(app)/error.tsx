"use client";

import { useEffect } from "react";
import { AlertTriangleIcon, RotateCwIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

/** A page that failed to render keeps the shell (navigation, user menu) usable. */
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("pageErrors");
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <EmptyState
      role="alert"
      className="rounded-lg border bg-card py-20"
      icon={<AlertTriangleIcon className="text-destructive" />}
      title={t("errorTitle")}
      description={error.digest ? t("errorTextRef", { ref: error.digest }) : t("errorText")}
      action={
        <Button variant="outline" onClick={reset}>
          <RotateCwIcon />
          {t("retry")}
        </Button>
      }
    />
  );
}
