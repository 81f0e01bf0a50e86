"use client";

import { SparklesIcon, TextSearchIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Skeleton } from "@/components/ui/skeleton";
import { useEmbeddingInfo } from "@/lib/client/bot-knowledge";

/** Which retrieval the knowledge base gets: hybrid with embeddings, or full-text only (and why). */
export function EmbeddingInfo() {
  const t = useTranslations("botKnowledge.embedding");
  const info = useEmbeddingInfo();
  if (info.isPending) return <Skeleton className="h-14 w-full" />;
  if (info.isError) return null;
  const { available, provider, model, dimensions, reason, mode, chunks, embeddedChunks } = info.data;
  const hybrid = mode === "hybrid";
  const Icon = hybrid ? SparklesIcon : TextSearchIcon;
  return (
    <div className="flex items-start gap-3 rounded-lg border bg-card px-4 py-3 text-sm" data-testid="knowledge-embedding-info" data-mode={mode}>
      <Icon className={hybrid ? "mt-0.5 size-4 shrink-0 text-emerald-600 dark:text-emerald-400" : "mt-0.5 size-4 shrink-0 text-muted-foreground"} aria-hidden="true" />
      <div className="min-w-0">
        <p className="font-medium">{hybrid ? t("hybridTitle") : t("textTitle")}</p>
        <p className="text-muted-foreground">
          {available ? t("hybridText", { provider: provider ?? "—", model: model ?? "—" }) : (reason ?? t("textText"))}
          {available && dimensions ? ` · ${t("dimensions", { count: dimensions })}` : ""}
          {available && chunks > 0 ? ` · ${t("coverage", { embedded: embeddedChunks, chunks })}` : ""}
        </p>
      </div>
    </div>
  );
}
