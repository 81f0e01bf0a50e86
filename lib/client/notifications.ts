"use client";

import { useContext, useEffect, useRef } from "react";
import { useInfiniteQuery, useMutation, useQueryClient, type InfiniteData } from "@tanstack/react-query";
import type { NotificationDto } from "@/lib/api/contracts/inbox-schemas";
import { RealtimeContext } from "@/components/providers/realtime-provider";
import { api } from "./api";

export type Notification = NotificationDto;
export type NotificationsPage = { data: Notification[]; nextCursor: string | null; unreadCount: number };
export type NotificationEvent = { notificationId: string; type: Notification["type"]; conversationId: string | null };

export const notificationKeys = {
  all: ["notifications"] as const,
  list: ["notifications", "list"] as const,
};

export function useNotifications() {
  return useInfiniteQuery({
    queryKey: notificationKeys.list,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => api<NotificationsPage>("/notifications", { query: { cursor: pageParam ?? undefined, limit: 20 }, signal }),
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** Unread count of the freshest first page (every page carries it). */
export const unreadCountOf = (data: InfiniteData<NotificationsPage> | undefined) => data?.pages[0]?.unreadCount ?? 0;

/** No ids: every unread notification. Read state flips in the cache at once. */
export function useMarkNotificationsRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (ids?: string[]) => api<void>("/notifications/read", { method: "POST", body: ids?.length ? { ids } : {} }),
    onMutate: (ids) => {
      const now = new Date().toISOString();
      const hit = (n: Notification) => !n.readAt && (!ids?.length || ids.includes(n.id));
      qc.setQueriesData<InfiniteData<NotificationsPage>>({ queryKey: notificationKeys.all }, (old) => {
        if (!old) return old;
        const flipped = old.pages.reduce((sum, p) => sum + p.data.filter(hit).length, 0);
        return {
          ...old,
          pages: old.pages.map((p) => ({
            ...p,
            unreadCount: ids?.length ? Math.max(0, p.unreadCount - flipped) : 0,
            data: p.data.map((n) => (hit(n) ? { ...n, readAt: now } : n)),
          })),
        };
      });
    },
    onSettled: () => qc.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

/** `notification.created` on the caller's own `private-user-{id}` channel (not the org one useRealtimeEvent listens to). */
export function useUserNotificationEvents(userId: string | undefined, handler: (e: NotificationEvent) => void) {
  const { pusher } = useContext(RealtimeContext);
  const qc = useQueryClient();
  const ref = useRef(handler);
  useEffect(() => {
    ref.current = handler;
  });
  useEffect(() => {
    if (!pusher || !userId) return;
    const channel = pusher.subscribe(`private-user-${userId}`);
    const listener = (e: NotificationEvent) => {
      void qc.invalidateQueries({ queryKey: notificationKeys.all });
      ref.current(e);
    };
    // Read in another tab: only the badge changes.
    const refresh = () => void qc.invalidateQueries({ queryKey: notificationKeys.all });
    channel.bind("notification.created", listener);
    channel.bind("notification.read", refresh);
    return () => {
      channel.unbind("notification.created", listener);
      channel.unbind("notification.read", refresh);
    };
  }, [pusher, userId, qc]);
}
