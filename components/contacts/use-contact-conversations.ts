"use client";

import { useQueries, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/client/api";
import type { Conversation, ConversationPage } from "@/lib/client/conversations";
import { useRealtimeEvent } from "@/lib/realtime/use-realtime";

// The list hides closed and snoozed conversations unless asked: one request per slice covers every conversation.
const SLICES = [{}, { status: "CLOSED" }, { snoozed: true }] as const;

const key = (waId: string) => ["conversations", "contact", waId] as const;

/** Every conversation of a contact, newest first (GET /conversations searched by number, exact number kept). */
export function useContactConversations(waId: string) {
  const qc = useQueryClient();
  const results = useQueries({
    queries: SLICES.map((slice) => ({
      queryKey: [...key(waId), slice],
      queryFn: ({ signal }: { signal: AbortSignal }) => api<ConversationPage>("/conversations", { query: { search: waId, limit: 100, ...slice }, signal }),
    })),
  });
  const byId = new Map<string, Conversation>();
  for (const r of results) for (const c of r.data?.data ?? []) if (c.contact.waId === waId) byId.set(c.id, c);

  const refresh = () => void qc.invalidateQueries({ queryKey: key(waId) });
  useRealtimeEvent("conversation.created", refresh);
  // The org's other conversations change all the time: only an update of one listed here is news for this page.
  useRealtimeEvent<{ conversationId?: string }>("conversation.updated", (e) => e.conversationId && byId.has(e.conversationId) && refresh());
  const conversations = [...byId.values()].sort((a, b) => (b.lastMessageAt ?? b.createdAt).localeCompare(a.lastMessageAt ?? a.createdAt));
  const error = results.find((r) => r.error)?.error ?? null;
  return {
    conversations,
    isPending: results.some((r) => r.isPending),
    error,
    refetch: () => results.forEach((r) => void r.refetch()),
  };
}
