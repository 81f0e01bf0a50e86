import type { InfiniteData, QueryClient, QueryKey } from "@tanstack/react-query";
import type { ConversationDto } from "@/lib/api/contracts/inbox-schemas";

export type Conversation = ConversationDto;
export type ConversationPage = { data: Conversation[]; nextCursor: string | null };
export type ConversationPages = InfiniteData<ConversationPage, string | null>;

/** Filters of GET /conversations (the list) — also the list's cache key, so keep it a plain object. */
export type ConversationFilters = {
  status?: Conversation["status"];
  assignedTo?: string;
  teamId?: string;
  tagId?: string;
  priority?: Conversation["priority"];
  search?: string;
  subFilter?: "unread" | "needs_action";
  sort?: "newest" | "oldest" | "waiting_longest" | "created_newest" | "created_oldest";
  snoozed?: boolean;
  limit?: number;
};

export const conversationKeys = {
  all: ["conversations"] as const,
  lists: ["conversations", "list"] as const,
  list: (filters: ConversationFilters) => ["conversations", "list", filters] as const,
  counts: ["conversations", "counts"] as const,
  ones: ["conversations", "one"] as const,
  one: (id: string) => ["conversations", "one", id] as const,
  histories: ["conversations", "history"] as const,
  history: (id: string) => ["conversations", "history", id] as const,
  messageSearch: (q: string) => ["conversations", "message-search", q] as const,
};

/** Applies `update` to the conversation wherever it is cached (the detail and every list page); null removes it. */
export function patchConversation(qc: QueryClient, id: string, update: (c: Conversation) => Conversation | null) {
  qc.setQueryData<Conversation>(conversationKeys.one(id), (old) => (old ? (update(old) ?? old) : old));
  qc.setQueriesData<ConversationPages>({ queryKey: conversationKeys.lists }, (old) => {
    if (!old) return old;
    let changed = false;
    const pages = old.pages.map((page) => {
      if (!page.data.some((c) => c.id === id)) return page;
      changed = true;
      const data: Conversation[] = [];
      for (const c of page.data) {
        if (c.id !== id) data.push(c);
        else {
          const next = update(c);
          if (next) data.push(next);
        }
      }
      return { ...page, data };
    });
    return changed ? { ...old, pages } : old;
  });
}

/** Every conversation row held in the cache: details, list pages and contact histories. */
export function cachedConversations(qc: QueryClient): Conversation[] {
  const rows: Conversation[] = [];
  for (const [, one] of qc.getQueriesData<Conversation>({ queryKey: conversationKeys.ones })) if (one) rows.push(one);
  for (const [, list] of qc.getQueriesData<ConversationPages>({ queryKey: conversationKeys.lists })) for (const page of list?.pages ?? []) rows.push(...page.data);
  for (const [, history] of qc.getQueriesData<{ data: Conversation[] }>({ queryKey: conversationKeys.histories })) rows.push(...(history?.data ?? []));
  return rows;
}

/** Refetches every place a conversation row is shown (lists, details, contact histories), e.g. after a tag changed. */
export const invalidateConversationRows = (qc: QueryClient) =>
  Promise.all([conversationKeys.lists, conversationKeys.ones, conversationKeys.histories].map((queryKey) => qc.invalidateQueries({ queryKey })));

/** A server answer wins over whatever is cached, unless the cache already holds a newer version. */
export function storeConversation(qc: QueryClient, dto: Conversation) {
  qc.setQueryData<Conversation>(conversationKeys.one(dto.id), (old) => (old && old.version > dto.version ? old : dto));
  patchConversation(qc, dto.id, (c) => (c.version > dto.version ? c : dto));
}

/** The freshest cached copy: the detail, else the first list row found. */
export function findCachedConversation(qc: QueryClient, id: string): Conversation | undefined {
  const one = qc.getQueryData<Conversation>(conversationKeys.one(id));
  if (one) return one;
  for (const [, data] of qc.getQueriesData<ConversationPages>({ queryKey: conversationKeys.lists }))
    for (const page of data?.pages ?? []) {
      const hit = page.data.find((c) => c.id === id);
      if (hit) return hit;
    }
  return undefined;
}

export const isCached = (qc: QueryClient, id: string) => findCachedConversation(qc, id) !== undefined;

export type Snapshot = [QueryKey, unknown][];
export const snapshotConversations = (qc: QueryClient): Snapshot => qc.getQueriesData({ queryKey: conversationKeys.all });
export const restoreSnapshot = (qc: QueryClient, snap: Snapshot) => snap.forEach(([key, data]) => qc.setQueryData(key, data));

/** Lists scrolled deep would refetch every loaded page on invalidation; past this many, only the first one is refreshed. */
export const DEEP_LIST_PAGES = 4;

/** Replaces page one of a deep list with `first`, dropping those rows from later pages (they moved up). */
export function mergeFirstPage(qc: QueryClient, key: QueryKey, first: ConversationPage) {
  qc.setQueryData<ConversationPages>(key, (old) => {
    if (!old) return old;
    const fresh = new Set(first.data.map((c) => c.id));
    const rest = old.pages.slice(1).map((p) => ({ ...p, data: p.data.filter((c) => !fresh.has(c.id)) }));
    return { pages: [{ ...first, nextCursor: old.pages[0]?.nextCursor ?? first.nextCursor }, ...rest], pageParams: old.pageParams };
  });
}
