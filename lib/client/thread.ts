"use client";

import { useCallback, useMemo, useRef, useSyncExternalStore } from "react";
import { useInfiniteQuery, useMutation, useQueryClient, type InfiniteData, type QueryClient } from "@tanstack/react-query";
import type { MessageDto } from "@/lib/api/contracts/messages";
import type { OutboundMessageInput } from "@/lib/api/contracts/message-input";
import { useRealtimeEvent } from "@/lib/realtime/use-realtime";
import { api } from "./api";

export type Message = MessageDto;
type Page = { data: Message[]; nextCursor: string | null };

export const threadKeys = {
  all: ["thread"] as const,
  messages: (conversationId: string) => ["thread", conversationId, "messages"] as const,
};

/**
 * Sends not confirmed yet. They live outside React Query on purpose: a reconnect invalidates every query, and an
 * unsent (or failed) message must survive that until it is confirmed or discarded by the agent.
 */
export type OutboxPayload = { kind: "text"; text: string } | { kind: "media"; file: File; caption: string } | { kind: "note"; body: string; mentions: string[] };
type Quote = { id: string; body: string | null } | null;
export type OutboxItem = { tempId: string; conversationId: string; state: "sending" | "failed"; error?: unknown; createdAt: string; replyTo: Quote } & OutboxPayload;

let outbox: OutboxItem[] = [];
let seq = 0;
const listeners = new Set<() => void>();
const setOutbox = (next: OutboxItem[]) => {
  outbox = next;
  listeners.forEach((l) => l());
};
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => void listeners.delete(l);
};
const NONE: OutboxItem[] = [];

/** A pending or failed send shown as a bubble: same shape as a stored message, its temporary id and state aside. */
export type ThreadMessage = Message & { local?: { tempId: string; state: OutboxItem["state"]; error?: unknown } };

function outboxBubble(o: OutboxItem, senderName: string): ThreadMessage {
  const failed = o.state === "failed";
  const text = o.kind === "text" ? o.text : o.kind === "note" ? o.body : o.caption || null;
  const media = o.kind === "media" ? { url: null, mimeType: o.file.type, filename: o.file.name, caption: o.caption || null, status: "UPLOADING" } : null;
  const type = o.kind === "media" ? (o.file.type.startsWith("image/") ? "IMAGE" : o.file.type.startsWith("video/") ? "VIDEO" : o.file.type.startsWith("audio/") ? "AUDIO" : "DOCUMENT") : "TEXT";
  return {
    id: o.tempId,
    conversationId: o.conversationId,
    direction: "OUTBOUND",
    type,
    body: text,
    media,
    content: null,
    status: failed ? "FAILED" : "PENDING",
    senderType: "AGENT",
    sender: { id: "", name: senderName },
    replyTo: o.replyTo,
    templateName: null,
    isPrivate: o.kind === "note",
    mentions: o.kind === "note" ? o.mentions : [],
    hidden: false,
    error: null,
    sentAt: null,
    deliveredAt: null,
    readAt: null,
    failedAt: null,
    createdAt: o.createdAt,
    local: { tempId: o.tempId, state: o.state, error: o.error },
  };
}

/** The thread, oldest → newest: loaded pages (the API pages towards older messages) then the outbox. */
export function useThreadMessages(conversationId: string, senderName: string) {
  const query = useInfiniteQuery({
    queryKey: threadKeys.messages(conversationId),
    queryFn: ({ pageParam, signal }) => api<Page>(`/conversations/${conversationId}/messages`, { query: { cursor: pageParam, limit: 50 }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const pending = useSyncExternalStore(
    subscribe,
    () => outbox,
    () => NONE,
  );
  const messages = useMemo(() => {
    const stored = [...(query.data?.pages ?? [])].reverse().flatMap((p) => p.data);
    const seen = new Set<string>();
    const unique = stored.filter((m) => !seen.has(m.id) && seen.add(m.id));
    const mine = pending.filter((o) => o.conversationId === conversationId).map((o) => outboxBubble(o, senderName));
    return [...unique, ...mine] as ThreadMessage[];
  }, [query.data, pending, conversationId, senderName]);
  return { ...query, messages };
}

/** Puts a confirmed message in the newest page at once, so the temporary bubble turns into it without a gap. */
function insertMessage(qc: QueryClient, m: Message) {
  qc.setQueryData<InfiniteData<Page>>(threadKeys.messages(m.conversationId), (data) => {
    if (!data?.pages.length || data.pages.some((p) => p.data.some((x) => x.id === m.id))) return data;
    const [newest, ...older] = data.pages;
    return { ...data, pages: [{ ...newest, data: [...newest.data, m] }, ...older] };
  });
}

function replaceMessage(qc: QueryClient, m: Message) {
  qc.setQueryData<InfiniteData<Page>>(threadKeys.messages(m.conversationId), (data) =>
    data ? { ...data, pages: data.pages.map((p) => ({ ...p, data: p.data.map((x) => (x.id === m.id ? m : x)) })) } : data,
  );
}

function post(o: OutboxItem): Promise<Message> {
  const base = `/conversations/${o.conversationId}`;
  if (o.kind === "note") return api<Message>(`${base}/notes`, { method: "POST", body: { body: o.body, ...(o.mentions.length ? { mentions: o.mentions } : {}) } });
  if (o.kind === "text") {
    const body: OutboundMessageInput = { kind: "text", text: o.text, ...(o.replyTo ? { replyToMessageId: o.replyTo.id } : {}) };
    return api<Message>(`${base}/messages`, { method: "POST", body });
  }
  const form = new FormData();
  form.set("file", o.file);
  if (o.caption) form.set("caption", o.caption);
  if (o.replyTo) form.set("replyToMessageId", o.replyTo.id);
  return api<Message>(`${base}/messages/media`, { method: "POST", form });
}

/**
 * Optimistic sends of text, media and notes: a temporary bubble at once, replaced by the stored message when the
 * API confirms it, or left in a failed state the agent can retry or discard.
 */
export function useSendMessage(conversationId: string) {
  const qc = useQueryClient();
  const run = useCallback(
    async (tempId: string) => {
      const item = outbox.find((o) => o.tempId === tempId);
      if (!item) return;
      setOutbox(outbox.map((o) => (o.tempId === tempId ? { ...o, state: "sending", error: undefined } : o)));
      try {
        const saved = await post(item);
        insertMessage(qc, saved);
        setOutbox(outbox.filter((o) => o.tempId !== tempId));
      } catch (error) {
        setOutbox(outbox.map((o) => (o.tempId === tempId ? { ...o, state: "failed", error } : o)));
        throw error;
      }
    },
    [qc],
  );
  const send = useCallback(
    (input: OutboxPayload & { replyTo?: Quote }) => {
      const tempId = `tmp-${Date.now().toString(36)}-${++seq}`;
      const item: OutboxItem = { ...input, replyTo: input.replyTo ?? null, tempId, conversationId, state: "sending", createdAt: new Date().toISOString() };
      setOutbox([...outbox, item]);
      return run(tempId);
    },
    [conversationId, run],
  );
  const discard = useCallback((tempId: string) => setOutbox(outbox.filter((o) => o.tempId !== tempId)), []);
  return { send, retry: run, discard };
}

export function useSendTemplate(conversationId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Extract<OutboundMessageInput, { kind: "template" }>) => api<Message>(`/conversations/${conversationId}/messages`, { method: "POST", body }),
    onSuccess: (m) => insertMessage(qc, m),
  });
}

export function useReact() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ messageId, emoji }: { messageId: string; emoji: string }) => api<Message>(`/messages/${messageId}/react`, { method: "POST", body: { emoji } }),
    onSuccess: (m) => insertMessage(qc, m),
  });
}

export function useToggleHide() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (messageId: string) => api<Message>(`/messages/${messageId}/toggle-hide`, { method: "POST", body: {} }),
    onSuccess: (m) => replaceMessage(qc, m),
  });
}

/** Admins only (messages.manage): sends a stored FAILED message again. */
export function useRetrySend(conversationId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (messageId: string) => api<Message>(`/messages/${messageId}/retry-send`, { method: "POST" }),
    onSettled: () => qc.invalidateQueries({ queryKey: threadKeys.messages(conversationId) }),
  });
}

const TYPING_EVERY_MS = 10_000;

/** WhatsApp's "typing…" for the customer: it lasts ~25 s or until we answer, so one ping per 10 s of typing is enough. */
export function useTypingPing(conversationId: string) {
  const last = useRef(0);
  return useCallback(() => {
    const now = Date.now();
    if (now - last.current < TYPING_EVERY_MS) return;
    last.current = now;
    // Best effort: a missed indicator is not worth an error on screen.
    api<void>(`/conversations/${conversationId}/typing`, { method: "POST", body: {} }).catch(() => undefined);
  }, [conversationId]);
}

/** New messages and tick changes of this conversation arrive as ids: the loaded pages are refetched. */
export function useThreadLiveUpdates(conversationId: string, onInbound?: () => void) {
  const qc = useQueryClient();
  const refresh = (data: { conversationId?: number | string; direction?: string }) => {
    if (String(data.conversationId) !== conversationId) return;
    void qc.invalidateQueries({ queryKey: threadKeys.messages(conversationId) });
    if (data.direction === "INBOUND") onInbound?.();
  };
  useRealtimeEvent("message.created", refresh);
  useRealtimeEvent("message.updated", refresh);
}
