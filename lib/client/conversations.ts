"use client";

import { useEffect, useRef } from "react";
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import type { MessageDto } from "@/lib/api/contracts/messages";
import { useRealtimeEvent } from "@/lib/realtime/use-realtime";
import { api } from "./api";
import {
  conversationKeys,
  DEEP_LIST_PAGES,
  isCached,
  mergeFirstPage,
  patchConversation,
  restoreSnapshot,
  snapshotConversations,
  storeConversation,
  type Conversation,
  type ConversationFilters,
  type ConversationPage,
  type ConversationPages,
} from "./conversation-cache";
import { useMe } from "./me";
import { teamKeys, type Team } from "./teams";

export type { Conversation, ConversationFilters, ConversationPage };

export type ConversationStatus = Conversation["status"];
export type ConversationPriority = Conversation["priority"];
export type ViewCount = { total: number; unread: number };
export type ConversationCounts = {
  all: number;
  unread: number;
  needsAction: number;
  views: { mine: ViewCount; unassigned: ViewCount; all: ViewCount };
};
export type MessageSearchHit = { message: MessageDto; conversation: { id: string; displayId: number; contactName: string | null }; headline: string };
export type BulkAction = "assign" | "unassign" | "resolve" | "tag" | "untag" | "priority";
export type BulkInput = { ids: string[]; action: BulkAction; userId?: string; tagId?: string; priority?: ConversationPriority };
export type BulkResult = { matched: number; succeeded: number; failed: { id: string; code: string; message: string }[] };
export type HandoffSummary = { summary: string; source: "ai" | "extractive" };

const PAGE = 50;

/** Cursor pages of the list; `fetchNextPage` appends the next one (the list pane virtualizes them). */
export function useConversationList(filters: ConversationFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: conversationKeys.list(filters),
    enabled,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api<ConversationPage>("/conversations", { query: { limit: PAGE, ...filters, cursor: pageParam ?? undefined }, signal }),
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useConversation(id: string | null) {
  return useQuery({
    queryKey: conversationKeys.one(id ?? ""),
    enabled: Boolean(id),
    queryFn: ({ signal }) => api<Conversation>(`/conversations/${id}`, { signal }),
  });
}

export function useConversationCounts() {
  return useQuery({
    queryKey: conversationKeys.counts,
    queryFn: ({ signal }) => api<ConversationCounts>("/conversations/counts", { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useContactHistory(id: string | null) {
  return useQuery({
    queryKey: conversationKeys.history(id ?? ""),
    enabled: Boolean(id),
    queryFn: ({ signal }) => api<{ data: Conversation[] }>(`/conversations/${id}/contact-history`, { signal }),
  });
}

/** GET /messages/search, cursor pages; disabled under two characters. */
export function useMessageSearch(q: string) {
  const query = q.trim();
  return useInfiniteQuery({
    queryKey: conversationKeys.messageSearch(query),
    enabled: query.length >= 2,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api<{ data: MessageSearchHit[]; nextCursor: string | null }>("/messages/search", {
        query: { q: query, cursor: pageParam ?? undefined, limit: 30 },
        signal,
      }),
    getNextPageParam: (last) => last.nextCursor,
  });
}

type PersonRef = NonNullable<Conversation["assignee"]>;
type TeamRef = NonNullable<Conversation["team"]>;

/** The team's name and color from the cached team lists (a team the lists never loaded stays as it was until the answer). */
function cachedTeam(qc: QueryClient, id: string): TeamRef | undefined {
  for (const [, data] of qc.getQueriesData<{ data: Team[] }>({ queryKey: teamKeys.lists })) {
    const team = data?.data.find((tm) => tm.id === id);
    if (team) return { id: team.id, name: team.name, color: team.color };
  }
  return undefined;
}

type PatchBody = { status?: ConversationStatus; priority?: ConversationPriority; category?: string | null; snoozedUntil?: string | null; teamId?: string | null };

/** Every single-conversation operation; each answers the updated conversation. */
export type ConversationAction =
  | { action: "takeover" }
  | { action: "return-to-bot"; handoffSummary?: string }
  | { action: "read" }
  | { action: "assign"; userId: string; teamId?: string; /** for the optimistic row only */ assignee?: PersonRef }
  | { action: "unassign" }
  | { action: "resolve" }
  | { action: "follow-up"; note?: string; at?: string }
  | { action: "remove-follow-up" }
  | ({ action: "patch" } & PatchBody);
export type ConversationActionInput = ConversationAction & { id: string };

function request({ id, ...a }: ConversationActionInput): Promise<Conversation> {
  const path = `/conversations/${id}`;
  switch (a.action) {
    case "patch": {
      const { action: _, ...body } = a;
      return api(path, { method: "PATCH", body });
    }
    case "assign":
      return api(`${path}/assign`, { method: "POST", body: { userId: a.userId, ...(a.teamId ? { teamId: a.teamId } : {}) } });
    case "return-to-bot":
      return api(`${path}/return-to-bot`, { method: "POST", body: a.handoffSummary ? { handoffSummary: a.handoffSummary } : {} });
    case "follow-up":
      return api(`${path}/follow-up`, { method: "POST", body: { ...(a.note ? { note: a.note } : {}), ...(a.at ? { at: a.at } : {}) } });
    case "remove-follow-up":
      return api(`${path}/follow-up`, { method: "DELETE" });
    default:
      return api(`${path}/${a.action}`, { method: "POST", body: {} });
  }
}

/** What the row should look like right away; the server's answer replaces it (or the snapshot comes back on error). */
function optimistic(c: Conversation, a: ConversationAction, me: PersonRef, findTeam: (id: string) => TeamRef | undefined): Conversation {
  switch (a.action) {
    case "takeover":
      return { ...c, status: "HUMAN_HANDLING", assignee: me };
    case "return-to-bot":
      return { ...c, status: "BOT_HANDLING", assignee: null };
    case "read":
      return { ...c, unreadCount: 0 };
    case "assign":
      return { ...c, assignee: a.assignee ?? (a.userId === me.id ? me : c.assignee), team: a.teamId ? (findTeam(a.teamId) ?? c.team) : c.team };
    case "unassign":
      return { ...c, assignee: null };
    case "resolve":
      return { ...c, status: "CLOSED" };
    case "remove-follow-up":
      return { ...c, followUp: null };
    case "patch": {
      const { action: _, teamId, ...rest } = a;
      const defined = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
      const team = teamId === undefined ? c.team : teamId === null ? null : (findTeam(teamId) ?? c.team);
      return { ...c, ...defined, team };
    }
    default:
      return c;
  }
}

function invalidateDerived(qc: QueryClient) {
  void qc.invalidateQueries({ queryKey: conversationKeys.counts });
}

export function useConversationAction() {
  const qc = useQueryClient();
  const me = useMe();
  const self: PersonRef = { id: me.user?.id ?? "", name: me.user?.name ?? "", avatarUrl: me.user?.avatarUrl ?? null };
  return useMutation({
    mutationFn: request,
    onMutate: async (input) => {
      await qc.cancelQueries({ queryKey: conversationKeys.one(input.id) });
      const snap = snapshotConversations(qc);
      patchConversation(qc, input.id, (c) => optimistic(c, input, self, (teamId) => cachedTeam(qc, teamId)));
      return { snap };
    },
    onError: (_e, _input, ctx) => ctx && restoreSnapshot(qc, ctx.snap),
    onSuccess: (dto) => storeConversation(qc, dto),
    onSettled: (_d, _e, input) => {
      invalidateDerived(qc);
      // Leaving a view (resolved, assigned away, status changed) is decided by the server's filters.
      if (input.action !== "read") void qc.invalidateQueries({ queryKey: conversationKeys.lists });
    },
  });
}

export function useBulkConversations() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BulkInput) => api<BulkResult>("/conversations/bulk", { method: "POST", body }),
    onSettled: () => qc.invalidateQueries({ queryKey: conversationKeys.all }),
  });
}

export function useGenerateHandoffSummary() {
  return useMutation({
    mutationFn: (id: string) => api<HandoffSummary>(`/conversations/${id}/generate-handoff-summary`, { method: "POST", body: {} }),
  });
}

const FLUSH_MS = 250;
/** A burst bigger than this refetches the lists instead of fetching each conversation. */
const MAX_SINGLE_FETCHES = 15;

async function flushChanges(qc: QueryClient, changed: Map<string, number | null>, reorder: boolean) {
  invalidateDerived(qc);
  const ids = [...changed.keys()];
  if (ids.length > MAX_SINGLE_FETCHES) {
    void qc.invalidateQueries({ queryKey: conversationKeys.all });
    return;
  }
  await Promise.all(
    ids.map(async (id) => {
      void qc.invalidateQueries({ queryKey: conversationKeys.history(id) });
      const version = changed.get(id);
      const cached = qc.getQueryData<Conversation>(conversationKeys.one(id));
      if (version !== null && version !== undefined && cached && cached.version >= version) return;
      if (!isCached(qc, id)) return;
      try {
        storeConversation(qc, await api<Conversation>(`/conversations/${id}`));
      } catch {
        // No longer visible to this agent (moved to a team they are not in): drop it everywhere.
        patchConversation(qc, id, () => null);
      }
    }),
  );
  if (!reorder) return;
  for (const query of qc.getQueryCache().findAll({ queryKey: conversationKeys.lists })) {
    const data = query.state.data as ConversationPages | undefined;
    if (!data || data.pages.length <= DEEP_LIST_PAGES) void qc.invalidateQueries({ queryKey: query.queryKey, exact: true });
    else {
      const filters = query.queryKey[2] as ConversationFilters;
      api<ConversationPage>("/conversations", { query: { limit: PAGE, ...filters } })
        .then((first) => mergeFirstPage(qc, query.queryKey, first))
        .catch(() => undefined);
    }
  }
}

type ConversationEvent = { conversationId?: string; version?: number };

/**
 * Mount once (the inbox page): org events carry ids and versions only, so changed conversations are refetched,
 * coalesced per FLUSH_MS so a burst of webhooks costs one round of requests.
 */
export function useConversationRealtime() {
  const qc = useQueryClient();
  const pending = useRef({ changed: new Map<string, number | null>(), reorder: false, timer: null as ReturnType<typeof setTimeout> | null });

  useEffect(() => {
    const p = pending.current;
    return () => {
      if (p.timer) clearTimeout(p.timer);
    };
  }, []);

  const queue = (e: ConversationEvent, reorder: boolean) => {
    const p = pending.current;
    if (e.conversationId) {
      const prev = p.changed.get(e.conversationId);
      p.changed.set(e.conversationId, e.version === undefined ? null : Math.max(e.version, prev ?? 0));
    }
    p.reorder ||= reorder;
    if (p.timer) return;
    p.timer = setTimeout(() => {
      const { changed, reorder: r } = p;
      p.changed = new Map();
      p.reorder = false;
      p.timer = null;
      void flushChanges(qc, changed, r);
    }, FLUSH_MS);
  };

  useRealtimeEvent<ConversationEvent>("conversation.created", (e) => queue(e, true));
  // Status, assignment, tags or priority may move the row in or out of a view: the lists are refreshed too.
  useRealtimeEvent<ConversationEvent>("conversation.updated", (e) => queue(e, true));
  useRealtimeEvent<ConversationEvent>("message.created", (e) => queue({ conversationId: e.conversationId }, true));
}
