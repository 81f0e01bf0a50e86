"use client";

import { useTranslations } from "next-intl";
import type { ConversationCounts } from "@/lib/client/conversations";
import { cn } from "@/lib/utils";
import { VIEWS, type InboxView } from "../use-inbox-params";

/** Mine / Unassigned / All with their unread counts (from /conversations/counts, live through the realtime hook). */
export function ViewTabs({ view, counts, onChange }: { view: InboxView; counts: ConversationCounts | undefined; onChange: (v: InboxView) => void }) {
  const t = useTranslations("inbox.views");
  return (
    <div role="tablist" aria-label={t("label")} className="flex gap-1 rounded-lg bg-muted p-1">
      {VIEWS.map((v) => {
        const c = counts?.views[v];
        const selected = v === view;
        return (
          <button
            key={v}
            type="button"
            role="tab"
            aria-selected={selected}
            data-testid={`view-${v}`}
            title={c ? t("total", { count: c.total }) : undefined}
            onClick={() => onChange(v)}
            className={cn(
              "flex h-8 min-w-0 flex-auto items-center justify-center gap-1 rounded-md px-1.5 text-[13px] font-medium outline-none transition-colors focus-visible:ring-[3px] focus-visible:ring-ring/50",
              selected ? "bg-background text-foreground shadow-sm" : "text-muted-foreground hover:text-foreground",
            )}
          >
            <span className="truncate">{t(v)}</span>
            {c && c.unread > 0 && (
              <span
                className="flex h-4 min-w-4 shrink-0 items-center justify-center rounded-full bg-primary px-1 text-[10px] font-semibold text-primary-foreground tabular-nums"
                data-testid={`view-${v}-unread`}
              >
                <span className="sr-only">{t("unread", { count: c.unread })}</span>
                <span aria-hidden="true">{c.unread > 99 ? "99+" : c.unread}</span>
              </span>
            )}
          </button>
        );
      })}
    </div>
  );
}
