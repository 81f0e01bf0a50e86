"use client";

import { useState } from "react";
import { BotIcon, ChevronDownIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/utils";

/** The summary left when the conversation changed hands (bot → agent or agent → bot), folded to two lines. */
export function HandoffBanner({ summary }: { summary: string }) {
  const t = useTranslations("thread.handoff");
  const [expanded, setExpanded] = useState(false);
  return (
    <section className="border-b bg-violet-50 px-3 py-2 text-sm text-violet-950 @lg:px-4 dark:bg-violet-950/40 dark:text-violet-100" aria-label={t("title")} data-testid="handoff-banner">
      <div className="flex items-start gap-2">
        <BotIcon className="mt-0.5 size-4 shrink-0 text-violet-600 dark:text-violet-300" aria-hidden="true" />
        <div className="min-w-0 flex-1">
          <p className="text-xs font-semibold">{t("title")}</p>
          <p className={cn("text-xs whitespace-pre-wrap", !expanded && "line-clamp-2")}>{summary}</p>
        </div>
        <button
          type="button"
          onClick={() => setExpanded((v) => !v)}
          className="rounded p-0.5 text-violet-700 hover:bg-violet-100 focus-visible:ring-2 focus-visible:ring-violet-400 focus-visible:outline-none dark:text-violet-300 dark:hover:bg-violet-900/50"
          aria-expanded={expanded}
          aria-label={t(expanded ? "collapse" : "expand")}
          data-testid="handoff-toggle"
        >
          <ChevronDownIcon className={cn("size-4 transition-transform", expanded && "rotate-180")} aria-hidden="true" />
        </button>
      </div>
    </section>
  );
}
