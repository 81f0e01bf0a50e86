"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { getWritingAssistConfig } from "@/lib/api/contracts/writing-assist";
import { api, ApiError, toApiError, type ResponseOf } from "@/lib/client/api";
import { useRealtimeEvent } from "@/lib/realtime/use-realtime";

/** GET /config/writing-assist: the org's setting, the caller's preference, and whether it can be used now (and why not). */
export type WritingAssistConfig = ResponseOf<typeof getWritingAssistConfig>;

const configKey = ["writing-assist", "config"] as const;

export function useWritingAssistConfig() {
  const qc = useQueryClient();
  useRealtimeEvent<{ resource: string }>("bot.changed", (e) => {
    if (e.resource === "settings" || e.resource === "preset" || e.resource === "config") void qc.invalidateQueries({ queryKey: configKey });
  });
  return useQuery({ queryKey: configKey, queryFn: ({ signal }) => api<WritingAssistConfig>("/config/writing-assist", { signal }), staleTime: 5 * 60_000 });
}

export type Suggestion = { status: "idle" } | { status: "streaming" | "done"; text: string } | { status: "error"; error: unknown; text: string };

/**
 * POST /writing-assist/complete streams plain text: read chunk by chunk so the suggestion grows as it is written.
 * A new request, a dismissal or unmounting aborts the one in flight.
 */
export function useSuggestion(conversationId: string) {
  const [state, setState] = useState<Suggestion>({ status: "idle" });
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(
    async (partialText: string) => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      let text = "";
      setState({ status: "streaming", text });
      try {
        const res = await fetch("/api/v1/writing-assist/complete", {
          method: "POST",
          headers: { "content-type": "application/json", accept: "text/plain" },
          body: JSON.stringify({ conversationId, partialText }),
          credentials: "same-origin",
          signal: abort.signal,
        });
        if (!res.ok) throw await toApiError(res);
        const reader = res.body?.getReader();
        if (!reader) {
          text = await res.text();
        } else {
          const decoder = new TextDecoder();
          for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            text += decoder.decode(value, { stream: true });
            setState({ status: "streaming", text });
          }
          text += decoder.decode();
        }
        if (controller.current === abort) setState({ status: "done", text: text.trim() });
      } catch (error) {
        if ((error as Error)?.name === "AbortError") return;
        const failure = error instanceof ApiError ? error : new ApiError(0, "NETWORK_ERROR", "Network error");
        if (controller.current === abort) setState({ status: "error", error: failure, text });
      }
    },
    [conversationId],
  );

  const dismiss = useCallback(() => {
    controller.current?.abort();
    controller.current = null;
    setState({ status: "idle" });
  }, []);

  const edit = useCallback((text: string) => setState((s) => (s.status === "done" ? { status: "done", text } : s)), []);

  return { state, start, dismiss, edit };
}
