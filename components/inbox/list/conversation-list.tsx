"use client";

import { useEffect, type KeyboardEvent } from "react";
import { useTranslations } from "next-intl";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import type { Conversation } from "@/lib/client/conversations";
import { ConversationRow, ROW_HEIGHT } from "./conversation-row";
import { useWindow } from "./use-window";

/** Start loading the next page this many rows before the end, so scrolling rarely waits. */
const PREFETCH_ROWS = 15;

export function RowsSkeleton({ rows = 8 }: { rows?: number }) {
  return (
    <div aria-hidden="true" data-testid="inbox-list-loading">
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="flex gap-3 border-b px-3 py-3" style={{ height: ROW_HEIGHT }}>
          <Skeleton className="size-4" />
          <div className="flex flex-1 flex-col gap-2">
            <Skeleton className="h-4 w-2/5" />
            <Skeleton className="h-3.5 w-4/5" />
            <Skeleton className="h-4 w-1/3" />
          </div>
        </div>
      ))}
    </div>
  );
}

type Props = {
  items: Conversation[];
  activeId: string | null;
  checked: ReadonlySet<string>;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  onOpen: (id: string) => void;
  onToggle: (id: string, range: boolean) => void;
  label: string;
};

/** A windowed listbox: arrows move and open, space toggles the checkbox, the focused row stays in view. */
export function ConversationList({ items, activeId, checked, hasMore, loadingMore, onLoadMore, onOpen, onToggle, label }: Props) {
  const t = useTranslations("inbox.list");
  const { ref, start, end, totalHeight, scrollToIndex } = useWindow({ count: items.length, rowHeight: ROW_HEIGHT });
  const activeIndex = activeId ? items.findIndex((c) => c.id === activeId) : -1;

  useEffect(() => {
    if (hasMore && !loadingMore && end >= items.length - PREFETCH_ROWS) onLoadMore();
  }, [end, items.length, hasMore, loadingMore, onLoadMore]);

  useEffect(() => {
    if (activeIndex >= 0) scrollToIndex(activeIndex);
  }, [activeIndex, scrollToIndex]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!items.length) return;
    const move = (to: number) => {
      e.preventDefault();
      const next = items[Math.max(0, Math.min(items.length - 1, to))];
      if (next) onOpen(next.id);
    };
    if (e.key === "ArrowDown") move(activeIndex + 1);
    else if (e.key === "ArrowUp") move(activeIndex <= 0 ? 0 : activeIndex - 1);
    else if (e.key === "Home") move(0);
    else if (e.key === "End") move(items.length - 1);
    else if ((e.key === " " || e.key === "x") && activeId) {
      e.preventDefault();
      onToggle(activeId, e.shiftKey);
    }
  };

  const visible = items.slice(start, end);
  return (
    <div
      ref={ref}
      role="listbox"
      tabIndex={0}
      aria-label={label}
      aria-multiselectable="false"
      aria-activedescendant={activeIndex >= 0 ? `conversation-option-${activeId}` : undefined}
      aria-busy={loadingMore}
      onKeyDown={onKeyDown}
      data-testid="conversation-list"
      className="relative min-h-0 flex-1 overflow-y-auto overscroll-contain outline-none focus-visible:ring-2 focus-visible:ring-ring/50 focus-visible:ring-inset"
    >
      <div style={{ height: totalHeight }} className="relative">
        {visible.map((c, i) => (
          <ConversationRow
            key={c.id}
            conversation={c}
            index={start + i}
            total={hasMore ? -1 : items.length}
            active={c.id === activeId}
            checked={checked.has(c.id)}
            onOpen={onOpen}
            onToggle={onToggle}
          />
        ))}
      </div>
      {loadingMore && (
        <div className="flex items-center justify-center gap-2 py-3 text-xs text-muted-foreground" role="status">
          <Spinner />
          {t("loadingMore")}
        </div>
      )}
    </div>
  );
}
