"use client";

import { DiffIcon, HistoryIcon, RotateCcwIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { ConfirmDialog } from "@/components/common/confirm-dialog";
import { QueryState } from "@/components/common/query-state";
import { RelativeTime } from "@/components/common/relative-time";
import { useConfirmAction } from "@/components/common/use-confirm-action";
import { usePromptVersions, useRollbackPrompt, type BotConfig, type PromptVersion } from "@/lib/client/bot";
import type { DiffRequest } from "./prompt-diff-dialog";

/** Every saved prompt, newest first: compare any of them with the current one, or make it current again. */
export function VersionHistory({ config, onDiff }: { config: BotConfig; onDiff: (d: DiffRequest) => void }) {
  const t = useTranslations("bot.prompt.history");
  const versions = usePromptVersions(config.id);
  const rollback = useRollbackPrompt();
  const restore = useConfirmAction<PromptVersion>(rollback, (v) => t("restored", { version: v.version }));

  const isCurrent = (v: PromptVersion) => v.isCurrent;

  return (
    <section aria-labelledby="prompt-history-heading" className="flex min-w-0 flex-col gap-3" data-testid="prompt-history">
      <h2 id="prompt-history-heading" className="flex items-center gap-2 text-sm font-semibold">
        <HistoryIcon className="size-4" aria-hidden="true" />
        {t("title")}
      </h2>
      <div className="overflow-hidden rounded-lg border bg-card">
        <QueryState
          query={versions}
          skeleton={
            <div className="space-y-3 p-3" aria-hidden="true">
              {[0, 1, 2].map((i) => (
                <Skeleton key={i} className="h-12 w-full" />
              ))}
            </div>
          }
          empty={<EmptyState icon={HistoryIcon} title={t("emptyTitle")} description={t("emptyText")} />}
        >
          {(data) => (
            <ol className="max-h-[32rem] divide-y overflow-y-auto">
              {data.map((v) => (
                <li key={v.id} className="flex flex-col gap-1.5 px-3 py-2.5" data-testid="prompt-version" data-version={v.version}>
                  <div className="flex items-center gap-2">
                    <span className="font-medium tabular-nums">v{v.version}</span>
                    {isCurrent(v) && <Badge variant="success">{t("current")}</Badge>}
                    <span className="ml-auto text-xs text-muted-foreground">
                      <RelativeTime value={v.createdAt} />
                    </span>
                  </div>
                  {(v.note || v.createdBy) && (
                    <p className="truncate text-xs text-muted-foreground" title={v.note ?? undefined}>
                      {[v.note, v.createdBy?.name].filter(Boolean).join(" · ")}
                    </p>
                  )}
                  {!isCurrent(v) && (
                    <div className="flex gap-1">
                      <Button
                        variant="ghost"
                        size="sm"
                        onClick={() => onDiff({ oldText: v.systemPrompt, newText: config.systemPrompt, oldLabel: `v${v.version}`, newLabel: t("currentLabel", { version: config.promptVersion }) })}
                        data-testid="prompt-version-compare"
                      >
                        <DiffIcon />
                        {t("compare")}
                      </Button>
                      <Button variant="ghost" size="sm" onClick={() => restore.ask(v)} data-testid="prompt-version-rollback">
                        <RotateCcwIcon />
                        {t("rollback")}
                      </Button>
                    </div>
                  )}
                </li>
              ))}
            </ol>
          )}
        </QueryState>
      </div>
      <ConfirmDialog
        {...restore.dialog}
        title={t("rollbackTitle", { version: restore.target?.version ?? 0 })}
        description={t("rollbackText")}
        confirmLabel={t("rollbackConfirm")}
        cancelLabel={t("cancel")}
        testId="prompt-rollback-confirm"
      />
    </section>
  );
}
