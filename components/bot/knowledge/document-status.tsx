"use client";

import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { BotDocument } from "@/lib/client/bot-knowledge";
import { ProgressBar } from "./progress-bar";

const VARIANT = { PENDING: "muted", PROCESSING: "warning", READY: "success", FAILED: "destructive" } as const;

/** Status badge; while ingesting, the live progress under it. */
export function DocumentStatus({ doc }: { doc: BotDocument }) {
  const t = useTranslations("botKnowledge.status");
  const busy = doc.status === "PENDING" || doc.status === "PROCESSING";
  return (
    <div className="flex min-w-24 flex-col gap-1">
      <Badge variant={VARIANT[doc.status]} data-testid="knowledge-doc-status" data-status={doc.status}>
        {t(doc.status)}
        {busy && doc.progress > 0 && <span className="tabular-nums">{doc.progress}%</span>}
      </Badge>
      {busy && <ProgressBar value={doc.progress} label={t("progress", { title: doc.title })} />}
    </div>
  );
}
