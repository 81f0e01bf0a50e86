"use client";

import { useMemo } from "react";
import { useTranslations } from "next-intl";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { diffLines, diffStats } from "@/lib/bot/diff";
import { cn } from "@/lib/utils";

export type DiffRequest = { oldText: string; newText: string; oldLabel: string; newLabel: string };

/** A unified line diff of two prompts (loaded on demand: most visits to the prompt page never open it). */
export function PromptDiffDialog({ request, onClose }: { request: DiffRequest | null; onClose: () => void }) {
  const t = useTranslations("bot.prompt.diff");
  return (
    <Dialog open={Boolean(request)} onOpenChange={(o) => !o && onClose()}>
      <DialogContent className="sm:max-w-3xl" data-testid="prompt-diff">
        <DialogHeader>
          <DialogTitle>{t("title")}</DialogTitle>
          <DialogDescription>{request ? t("description", { old: request.oldLabel, new: request.newLabel }) : ""}</DialogDescription>
        </DialogHeader>
        {request && <DiffView oldText={request.oldText} newText={request.newText} />}
      </DialogContent>
    </Dialog>
  );
}

function DiffView({ oldText, newText }: { oldText: string; newText: string }) {
  const t = useTranslations("bot.prompt.diff");
  const lines = useMemo(() => diffLines(oldText, newText), [oldText, newText]);
  const stats = diffStats(lines);
  if (!stats.added && !stats.removed) return <p className="text-sm text-muted-foreground">{t("identical")}</p>;
  return (
    <div className="flex min-w-0 flex-col gap-2">
      <p className="text-sm" data-testid="prompt-diff-stats">
        <span className="font-medium text-emerald-700 dark:text-emerald-400">{t("added", { count: stats.added })}</span>
        {" · "}
        <span className="font-medium text-red-700 dark:text-red-400">{t("removed", { count: stats.removed })}</span>
      </p>
      <div className="max-h-[60dvh] overflow-auto rounded-md border bg-muted/30 font-mono text-xs" role="table" aria-label={t("title")}>
        {lines.map((l, i) => (
          <div
            key={i}
            role="row"
            className={cn(
              "grid grid-cols-[2.5rem_2.5rem_1rem_1fr] gap-1 px-2 py-0.5",
              l.type === "add" && "bg-emerald-100/70 text-emerald-950 dark:bg-emerald-500/15 dark:text-emerald-100",
              l.type === "remove" && "bg-red-100/70 text-red-950 dark:bg-red-500/15 dark:text-red-100",
            )}
          >
            <span role="cell" className="text-right text-muted-foreground select-none">{l.oldNo ?? ""}</span>
            <span role="cell" className="text-right text-muted-foreground select-none">{l.newNo ?? ""}</span>
            <span role="cell" className="select-none" aria-label={l.type === "same" ? undefined : t(l.type)}>
              {l.type === "add" ? "+" : l.type === "remove" ? "−" : ""}
            </span>
            <span role="cell" className="break-words whitespace-pre-wrap">{l.text || " "}</span>
          </div>
        ))}
      </div>
    </div>
  );
}
