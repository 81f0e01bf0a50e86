"use client";

import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { ArrowDownIcon, MessagesSquareIcon } from "lucide-react";
import { useFormatter, useNow, useTranslations } from "next-intl";
import { ErrorState } from "@/components/common/error-state";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import type { ThreadMessage } from "@/lib/client/thread";
import { cn } from "@/lib/utils";
import { MessageBubble, type ThreadHandlers } from "./message-bubble";
import { buildRows } from "./thread-model";

/** Within this many pixels of an edge counts as "at" it. */
const EDGE_PX = 120;

function DaySeparator({ date }: { date: Date }) {
  const t = useTranslations("thread.list");
  const format = useFormatter();
  const now = useNow({ updateInterval: 60_000 });
  const days = Math.round((new Date(now).setHours(0, 0, 0, 0) - new Date(date).setHours(0, 0, 0, 0)) / 86_400_000);
  const label = days === 0 ? t("today") : days === 1 ? t("yesterday") : format.dateTime(date, { dateStyle: days < 7 ? undefined : "medium", weekday: days < 7 ? "long" : undefined });
  return (
    <div className="sticky top-1 z-10 my-2 flex justify-center" role="separator" aria-label={label}>
      <span className="rounded-md bg-white/95 px-2.5 py-1 text-[11px] font-medium text-zinc-600 shadow-sm dark:bg-[#182229] dark:text-zinc-300">{label}</span>
    </div>
  );
}

export function ThreadSkeleton() {
  return (
    <div className="flex flex-col gap-3 p-4" aria-busy="true" data-testid="thread-loading">
      <Skeleton className="h-10 w-48 self-start rounded-lg bg-white/70 dark:bg-white/10" />
      <Skeleton className="h-10 w-40 self-end rounded-lg bg-white/70 dark:bg-white/10" />
      <Skeleton className="h-16 w-56 self-start rounded-lg bg-white/70 dark:bg-white/10" />
      <Skeleton className="h-10 w-52 self-end rounded-lg bg-white/70 dark:bg-white/10" />
    </div>
  );
}

type Props = {
  messages: ThreadMessage[];
  isLoading: boolean;
  error: unknown;
  onRetry: () => void;
  hasOlder: boolean;
  loadingOlder: boolean;
  loadOlder: () => void;
  handlers: ThreadHandlers;
  mentionNames: (ids: string[]) => string[];
  onJumpMissing: () => void;
};

/**
 * The scrolling thread. Opens at the bottom and stays there as messages arrive (unless the agent scrolled up:
 * then a "new messages" button appears); scrolling to the top loads older pages without moving what is on screen.
 */
export function MessageList({ messages, isLoading, error, onRetry, hasOlder, loadingOlder, loadOlder, handlers, mentionNames, onJumpMissing }: Props) {
  const t = useTranslations("thread.list");
  const scroller = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const anchor = useRef<{ height: number; top: number } | null>(null);
  const [unseen, setUnseen] = useState(0);
  const { rows, reactions } = useMemo(() => buildRows(messages), [messages]);
  const firstId = messages[0]?.id;
  const last = messages[messages.length - 1];
  const lastKey = last ? (last.local?.tempId ?? last.id) : undefined;

  const toBottom = useCallback((smooth = false) => {
    const el = scroller.current;
    if (el) el.scrollTo({ top: el.scrollHeight, behavior: smooth ? "smooth" : "auto" });
    atBottom.current = true;
    setUnseen(0);
  }, []);

  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < EDGE_PX;
    if (atBottom.current) setUnseen(0);
    if (el.scrollTop < EDGE_PX) requestOlder();
  };

  function requestOlder() {
    const el = scroller.current;
    if (!el || !hasOlder || loadingOlder || anchor.current) return;
    anchor.current = { height: el.scrollHeight, top: el.scrollTop };
    loadOlder();
  }

  // Older messages were prepended: keep the ones on screen where they were.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || !anchor.current) return;
    el.scrollTop = el.scrollHeight - anchor.current.height + anchor.current.top;
    anchor.current = null;
  }, [firstId]);
  useEffect(() => {
    if (!loadingOlder) anchor.current = null;
  }, [loadingOlder]);

  // A new last message: follow it when at the bottom or when it is our own send; otherwise count it.
  useLayoutEffect(() => {
    if (!lastKey) return;
    if (atBottom.current || last?.local) toBottom();
    // Counts messages that arrived while the agent reads older ones; there is no render-time source for it.
    else setUnseen((n) => n + 1);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a change of the last message matters
  }, [lastKey]);

  // Images and videos load after the first paint: stay pinned to the bottom while they grow the thread.
  useEffect(() => {
    const el = content.current;
    if (!el || typeof ResizeObserver === "undefined") return;
    const ro = new ResizeObserver(() => {
      if (atBottom.current && !anchor.current) scroller.current?.scrollTo({ top: scroller.current.scrollHeight });
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [isLoading]);

  const jumpTo = (id: string) => {
    const target = scroller.current?.querySelector<HTMLElement>(`[data-testid="message-${CSS.escape(id)}"]`);
    if (!target) return onJumpMissing();
    target.scrollIntoView({ block: "center", behavior: "smooth" });
    target.classList.add("animate-pulse");
    setTimeout(() => target.classList.remove("animate-pulse"), 1600);
  };

  return (
    <div className="relative min-h-0 flex-1">
      <div ref={scroller} onScroll={onScroll} className="h-full overflow-y-auto overscroll-contain" role="log" aria-live="polite" aria-relevant="additions" aria-label={t("label")} data-testid="thread-messages">
        <div ref={content} className="flex min-h-full flex-col gap-1.5 px-3 py-3 @2xl:px-6">
          {isLoading ? (
            <ThreadSkeleton />
          ) : error ? (
            <ErrorState error={error} onRetry={onRetry} className="m-auto rounded-lg bg-white/80 dark:bg-black/30" />
          ) : rows.length === 0 ? (
            <EmptyState icon={MessagesSquareIcon} title={t("empty")} description={t("emptyText")} className="m-auto rounded-lg bg-white/70 dark:bg-black/20" />
          ) : (
            <>
              <div className="flex h-8 items-center justify-center" data-testid="thread-older">
                {loadingOlder ? (
                  <Spinner />
                ) : hasOlder ? (
                  <button type="button" onClick={requestOlder} className="rounded-md px-2 py-1 text-xs text-zinc-600 hover:bg-black/5 dark:text-zinc-300 dark:hover:bg-white/10" data-testid="thread-load-older">
                    {t("loadOlder")}
                  </button>
                ) : (
                  <span className="text-[11px] text-zinc-500 dark:text-zinc-400">{t("start")}</span>
                )}
              </div>
              {rows.map((row) =>
                row.kind === "day" ? (
                  <DaySeparator key={row.key} date={row.date} />
                ) : row.kind === "orphan-reaction" ? (
                  <p key={row.key} className={cn("px-1 text-xs text-zinc-500 dark:text-zinc-400", row.message.direction === "INBOUND" ? "text-left" : "text-right")} data-testid={`message-${row.message.id}`}>
                    {t(row.message.direction === "INBOUND" ? "customerReacted" : "weReacted", { emoji: row.emoji })}
                  </p>
                ) : (
                  <MessageBubble key={row.key} m={row.message} reaction={reactions.get(row.message.id)} mentionNames={mentionNames} handlers={handlers} onJumpTo={jumpTo} />
                ),
              )}
            </>
          )}
        </div>
      </div>
      {unseen > 0 && (
        <button
          type="button"
          onClick={() => toBottom(true)}
          className="absolute right-4 bottom-3 inline-flex items-center gap-1.5 rounded-full bg-emerald-600 px-3 py-1.5 text-xs font-medium text-white shadow-lg hover:bg-emerald-700 focus-visible:ring-2 focus-visible:ring-emerald-400 focus-visible:outline-none"
          data-testid="thread-new-messages"
        >
          <ArrowDownIcon className="size-3.5" aria-hidden="true" />
          {t("newMessages", { count: unseen })}
        </button>
      )}
    </div>
  );
}
