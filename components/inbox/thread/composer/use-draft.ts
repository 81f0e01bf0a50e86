"use client";

import { useEffect, useState } from "react";

export type ComposerMode = "reply" | "note";
type Draft = { text: string; mode: ComposerMode };

const keyOf = (conversationId: string) => `cx.inbox.draft.${conversationId}`;
const EMPTY: Draft = { text: "", mode: "reply" };

function read(conversationId: string): Draft {
  if (typeof window === "undefined") return EMPTY;
  try {
    const raw = JSON.parse(window.localStorage.getItem(keyOf(conversationId)) ?? "null") as Partial<Draft> | null;
    return { text: typeof raw?.text === "string" ? raw.text : "", mode: raw?.mode === "note" ? "note" : "reply" };
  } catch {
    return EMPTY;
  }
}

/**
 * What the agent was writing, per conversation, kept in localStorage so switching conversations (or reloading) does
 * not lose it. The composer is keyed by conversation, so the initial read happens once per conversation.
 */
export function useDraft(conversationId: string) {
  const [draft, setDraft] = useState<Draft>(() => read(conversationId));
  useEffect(() => {
    const timer = setTimeout(() => {
      try {
        if (draft.text.trim() || draft.mode === "note") window.localStorage.setItem(keyOf(conversationId), JSON.stringify(draft));
        else window.localStorage.removeItem(keyOf(conversationId));
      } catch {
        // Storage full or disabled (private mode): drafts are a convenience, not worth an error.
      }
    }, 300);
    return () => clearTimeout(timer);
  }, [conversationId, draft]);
  return [draft, setDraft] as const;
}
