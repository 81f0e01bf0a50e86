"use client";

import { useCallback, useEffect, useRef } from "react";
import { FilterXIcon, InboxIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/common/error-state";
import { useKeyedState } from "@/components/common/use-keyed-state";
import type { Conversation, ConversationCounts, useConversationList } from "@/lib/client/conversations";
import { hasExtraFilters, listFilters, type InboxParams } from "../use-inbox-params";
import { BulkBar } from "./bulk-bar";
import { ConversationList, RowsSkeleton } from "./conversation-list";
import { ListToolbar } from "./list-toolbar";
import { MessageResults } from "./message-results";
import { ViewTabs } from "./view-tabs";

const NONE: ReadonlySet<string> = new Set();

type Props = {
  params: InboxParams;
  update: (patch: Partial<InboxParams>) => void;
  list: ReturnType<typeof useConversationList>;
  items: Conversation[];
  counts: ConversationCounts | undefined;
  onOpen: (id: string) => void;
};

/** Checked rows for bulk actions; they reset whenever the list's filters change. Shift extends from the last one. */
function useChecked(items: Conversation[], filterKey: string) {
  const [checked, setChecked] = useKeyedState<ReadonlySet<string>>(NONE, filterKey);
  const anchor = useRef<string | null>(null);
  const itemsRef = useRef(items);
  useEffect(() => {
    itemsRef.current = items;
  });
  const toggle = useCallback(
    (id: string, range: boolean) => {
      setChecked((prev) => {
        const next = new Set(prev);
        const list = itemsRef.current;
        const from = anchor.current ? list.findIndex((c) => c.id === anchor.current) : -1;
        const to = list.findIndex((c) => c.id === id);
        if (range && from >= 0 && to >= 0) {
          const on = !prev.has(id);
          for (const c of list.slice(Math.min(from, to), Math.max(from, to) + 1)) {
            if (on) next.add(c.id);
            else next.delete(c.id);
          }
        } else if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      });
      anchor.current = id;
    },
    [setChecked],
  );
  return { checked, toggle, clear: () => setChecked(NONE) };
}

function Body({ params, update, list, items, onOpen, checked, toggle }: Props & ReturnType<typeof useChecked>) {
  const t = useTranslations("inbox.list");
  const loadMore = useCallback(() => void list.fetchNextPage(), [list]);
  if (params.tab === "messages") return <MessageResults q={params.q} activeId={params.c} onOpen={onOpen} />;
  if (list.isPending) return <RowsSkeleton />;
  if (list.isError && !items.length) return <ErrorState error={list.error} onRetry={() => void list.refetch()} className="flex-1" />;
  if (!items.length) {
    const filtered = Boolean(params.q || params.status || params.sub || hasExtraFilters(params));
    return (
      <EmptyState
        icon={filtered ? FilterXIcon : InboxIcon}
        title={filtered ? t("noMatches") : t(`empty.${params.view}`)}
        description={filtered ? t("noMatchesHint") : t("emptyHint")}
        className="flex-1"
        data-testid="inbox-list-empty"
        action={
          filtered && (
            <Button variant="outline" size="sm" data-testid="inbox-clear-filters" onClick={() => update({ q: "", status: undefined, sub: undefined, tag: undefined, team: undefined, priority: undefined })}>
              {t("clearFilters")}
            </Button>
          )
        }
      />
    );
  }
  return (
    <ConversationList
      items={items}
      activeId={params.c}
      checked={checked}
      hasMore={Boolean(list.hasNextPage)}
      loadingMore={list.isFetchingNextPage}
      onLoadMore={loadMore}
      onOpen={onOpen}
      onToggle={toggle}
      label={t("label")}
    />
  );
}

/** Views, search, filters, bulk bar and the windowed list (or the message search hits). */
export function ListPane(props: Props) {
  const { params, update, items, counts } = props;
  const selection = useChecked(items, JSON.stringify(listFilters(params)));
  const ids = items.filter((c) => selection.checked.has(c.id)).map((c) => c.id);
  return (
    <div className="@container flex h-full min-h-0 flex-col">
      <div className="flex flex-col gap-2 border-b p-3">
        <ViewTabs view={params.view} counts={counts} onChange={(view) => update({ view })} />
        <ListToolbar params={params} update={update} />
      </div>
      {ids.length > 0 && params.tab === "conversations" && <BulkBar ids={ids} onDone={selection.clear} />}
      <Body {...props} {...selection} />
    </div>
  );
}
