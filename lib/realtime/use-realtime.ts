"use client";

import { useContext, useEffect, useRef } from "react";
import { RealtimeContext } from "@/components/providers/realtime-provider";

/** Calls `handler` for every `event` pushed on the organization's private channel. */
export function useRealtimeEvent<T = Record<string, unknown>>(event: string, handler: (data: T) => void) {
  const { pusher, orgId } = useContext(RealtimeContext);
  const ref = useRef(handler);
  useEffect(() => {
    ref.current = handler;
  });
  useEffect(() => {
    if (!pusher || !orgId) return;
    const channel = pusher.subscribe(`private-org-${orgId}`);
    const listener = (data: T) => ref.current(data);
    channel.bind(event, listener);
    return () => {
      channel.unbind(event, listener);
    };
  }, [pusher, orgId, event]);
}

export function useRealtimeState() {
  return useContext(RealtimeContext).state;
}
