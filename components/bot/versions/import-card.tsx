"use client";

import { useRef } from "react";
import Link from "next/link";
import { ArrowRightIcon, FileUpIcon, TriangleAlertIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Spinner } from "@/components/ui/spinner";
import { useErrorMessage } from "@/components/common/use-api-errors";
import { useImportBot, type ImportResult } from "@/lib/client/bot-library";

export const draftHref = (configId: string) => `/bot/prompt?configId=${encodeURIComponent(configId)}`;

/** What an import (or a template) created, and the way to the new draft. */
export function ImportSummary({ result }: { result: ImportResult }) {
  const t = useTranslations("botLibrary.import");
  const counts = Object.entries(result.created).filter(([, n]) => n > 0);
  return (
    <div className="flex flex-col gap-3 rounded-md border bg-muted/30 p-3 text-sm" role="status" data-testid="import-result">
      <p className="font-medium">{t("created", { name: result.config.name })}</p>
      {counts.length > 0 && (
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-muted-foreground">
          {counts.map(([kind, n]) => (
            <li key={kind}>{t(`counts.${kind as keyof ImportResult["created"]}`, { count: n })}</li>
          ))}
        </ul>
      )}
      {result.warnings.length > 0 && (
        <ul className="flex flex-col gap-1 text-amber-800 dark:text-amber-300" data-testid="import-warnings">
          {result.warnings.map((w) => (
            <li key={w} className="flex gap-2">
              <TriangleAlertIcon className="mt-0.5 size-3.5 shrink-0" aria-hidden="true" />
              {w}
            </li>
          ))}
        </ul>
      )}
      <Button asChild size="sm" className="w-fit">
        <Link href={draftHref(result.config.id)} data-testid="import-open-draft">
          {t("openDraft")}
          <ArrowRightIcon />
        </Link>
      </Button>
    </div>
  );
}

/** A JSON or ZIP export (from here or another organization) becomes a new draft. */
export function ImportCard() {
  const t = useTranslations("botLibrary.import");
  const errorMessage = useErrorMessage();
  const importBot = useImportBot();
  const input = useRef<HTMLInputElement>(null);
  return (
    <Card data-testid="import-card">
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <div>
          <Button variant="outline" onClick={() => input.current?.click()} disabled={importBot.isPending} data-testid="import-pick">
            {importBot.isPending ? <Spinner label={t("importing")} /> : <FileUpIcon />}
            {importBot.isPending ? t("importing") : t("pick")}
          </Button>
          <input
            ref={input}
            type="file"
            accept=".json,.zip,application/json,application/zip"
            className="sr-only"
            tabIndex={-1}
            aria-label={t("pick")}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = "";
              if (file) importBot.mutate(file);
            }}
            data-testid="import-input"
          />
        </div>
        {importBot.isError && (
          <p role="alert" className="text-sm text-destructive" data-testid="import-error">
            {errorMessage(importBot.error)}
          </p>
        )}
        {importBot.data && <ImportSummary result={importBot.data} />}
      </CardContent>
    </Card>
  );
}
