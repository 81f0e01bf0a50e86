"use client";

import { useCallback, useMemo } from "react";
import { useSearchParams } from "next/navigation";
import type { ConversationFilters, ConversationPriority, ConversationStatus } from "@/lib/client/conversations";

export const VIEWS = ["mine", "unassigned", "all"] as const;
export const STATUSES = ["OPEN", "HUMAN_HANDLING", "WAITING_FOR_CUSTOMER", "BOT_HANDLING", "CLOSED"] as const satisfies readonly ConversationStatus[];
export const PRIORITIES = ["URGENT", "HIGH", "NORMAL", "LOW"] as const satisfies readonly ConversationPriority[];
export const SORTS = ["newest", "oldest", "waiting_longest", "created_newest", "created_oldest"] as const;
export const SUB_FILTERS = ["unread", "needs_action"] as const;

export type InboxView = (typeof VIEWS)[number];
/** "snoozed" is not a status: it lists the conversations snoozed into the future. */
export type StatusFilter = ConversationStatus | "snoozed";
export type InboxParams = {
  c: string | null;
  view: InboxView;
  status?: StatusFilter;
  sub?: (typeof SUB_FILTERS)[number];
  sort?: (typeof SORTS)[number];
  q: string;
  tag?: string;
  team?: string;
  priority?: ConversationPriority;
  tab: "conversations" | "messages";
};

const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined =>
  value && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
const id = (value: string | null) => (value && /^\d{1,19}$/.test(value) ? value : undefined);

export function parseInboxParams(sp: URLSearchParams): InboxParams {
  return {
    c: id(sp.get("c")) ?? null,
    view: pick(sp.get("view"), VIEWS) ?? "mine",
    status: pick<StatusFilter>(sp.get("status"), [...STATUSES, "snoozed"]),
    sub: pick(sp.get("sub"), SUB_FILTERS),
    sort: pick(sp.get("sort"), SORTS),
    q: sp.get("q") ?? "",
    tag: id(sp.get("tag")),
    team: id(sp.get("team")),
    priority: pick(sp.get("priority"), PRIORITIES),
    tab: sp.get("tab") === "messages" ? "messages" : "conversations",
  };
}

/** What GET /conversations receives for these params (also the list's cache key). */
export function listFilters(p: InboxParams): ConversationFilters {
  const f: ConversationFilters = {};
  if (p.view === "mine") f.assignedTo = "me";
  else if (p.view === "unassigned") f.assignedTo = "unassigned";
  if (p.status === "snoozed") f.snoozed = true;
  else if (p.status) f.status = p.status;
  if (p.sub) f.subFilter = p.sub;
  if (p.sort) f.sort = p.sort;
  if (p.q.trim()) f.search = p.q.trim();
  if (p.tag) f.tagId = p.tag;
  if (p.team) f.teamId = p.team;
  if (p.priority) f.priority = p.priority;
  return f;
}

export const hasExtraFilters = (p: InboxParams) => Boolean(p.tag || p.team || p.priority);

/**
 * The inbox state lives in the address (shareable, survives a reload). Native history calls keep the page mounted:
 * Next.js syncs useSearchParams with them without a server round trip. Opening a conversation pushes (the back
 * button returns to the list on a phone); filter changes replace.
 */
export function useInboxParams() {
  const sp = useSearchParams();
  const params = useMemo(() => parseInboxParams(new URLSearchParams(sp.toString())), [sp]);
  const update = useCallback((patch: Partial<InboxParams>, opts: { push?: boolean } = {}) => {
    const url = new URL(window.location.href);
    for (const [key, value] of Object.entries(patch)) {
      const isDefault = value === undefined || value === null || value === "" || (key === "view" && value === "mine") || (key === "tab" && value === "conversations");
      if (isDefault) url.searchParams.delete(key);
      else url.searchParams.set(key, String(value));
    }
    if (url.href === window.location.href) return;
    if (opts.push) window.history.pushState(null, "", url);
    else window.history.replaceState(null, "", url);
  }, []);
  return [params, update] as const;
}
