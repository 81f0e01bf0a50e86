"use client";

import { Fragment } from "react";
import { LockIcon, SearchIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Spinner } from "@/components/ui/spinner";
import { ErrorState } from "@/components/common/error-state";
import { useMessageSearch, type MessageSearchHit } from "@/lib/client/conversations";
import { cn } from "@/lib/utils";
import { RowsSkeleton } from "./conversation-list";
import { CompactTime } from "./row-parts";

/** ts_headline marks matches with <mark>; the rest is the customer's raw text, so it is rendered as text, never HTML. */
export function Headline({ html }: { html: string }) {
  const parts = html.split(/<mark>|<\/mark>/);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <mark key={i} className="rounded-sm bg-amber-200/70 px-0.5 text-foreground dark:bg-amber-400/30">
            {part}
          </mark>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}

function Hit({ hit, active, onOpen }: { hit: MessageSearchHit; active: boolean; onOpen: (id: string) => void }) {
  const t = useTranslations("inbox.messageSearch");
  const m = hit.message;
  return (
    <li>
      <button
        type="button"
        onClick={() => onOpen(hit.conversation.id)}
        data-testid={`message-hit-${m.id}`}
        className={cn(
          "flex w-full flex-col gap-1 border-b px-3 py-2.5 text-left outline-none hover:bg-accent/60 focus-visible:bg-accent focus-visible:ring-2 focus-visible:ring-ring/50 focus-visible:ring-inset",
          active && "bg-primary/[.07]",
        )}
      >
        <span className="flex items-center gap-1.5 text-sm">
          <span className="truncate font-medium">{hit.conversation.contactName ?? t("unknownContact")}</span>
          <span className="text-[11px] text-muted-foreground tabular-nums">#{hit.conversation.displayId}</span>
          {m.isPrivate && <LockIcon className="size-3 text-amber-600" aria-label={t("note")} />}
          <span className="ml-auto" />
          <CompactTime value={m.createdAt} />
        </span>
        <span className="line-clamp-2 text-[13px] text-muted-foreground">
          <span className="font-medium text-foreground/80">{m.direction === "INBOUND" ? t("customer") : (m.sender?.name ?? t("business"))}: </span>
          <Headline html={hit.headline} />
        </span>
      </button>
    </li>
  );
}

/** The list pane in "Messages" mode: full-text hits over every message the caller may see; a hit opens its conversation. */
export function MessageResults({ q, activeId, onOpen }: { q: string; activeId: string | null; onOpen: (id: string) => void }) {
  const t = useTranslations("inbox.messageSearch");
  const query = useMessageSearch(q);
  if (q.trim().length < 2) return <EmptyState icon={SearchIcon} title={t("prompt")} description={t("promptHint")} className="flex-1" />;
  if (query.isPending) return <RowsSkeleton rows={5} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} className="flex-1" />;
  const hits = query.data.pages.flatMap((p) => p.data);
  if (!hits.length) return <EmptyState icon={SearchIcon} title={t("empty")} description={t("emptyHint", { q })} className="flex-1" data-testid="message-search-empty" />;
  return (
    <div className="min-h-0 flex-1 overflow-y-auto overscroll-contain" data-testid="message-results">
      <ul aria-label={t("label", { q })}>
        {hits.map((hit) => (
          <Hit key={hit.message.id} hit={hit} active={hit.conversation.id === activeId} onOpen={onOpen} />
        ))}
      </ul>
      {query.hasNextPage && (
        <div className="p-2">
          <Button variant="ghost" size="sm" className="w-full" disabled={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()} data-testid="message-results-more">
            {query.isFetchingNextPage && <Spinner />}
            {t("more")}
          </Button>
        </div>
      )}
    </div>
  );
}
