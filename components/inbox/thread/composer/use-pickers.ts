"use client";

import { useMemo, useState } from "react";
import type { QuickReply } from "@/lib/client/quick-replies";
import { findTrigger, type Suggestion, type Trigger } from "./suggestions";

export type MentionCandidate = { id: string; name: string; email: string };

type Options = {
  text: string;
  caret: number;
  noteMode: boolean;
  quickReplies: QuickReply[];
  people: MentionCandidate[];
  /** Replaces the trigger's token with `insert` and moves the caret after it. */
  replace: (trigger: Trigger, insert: string) => void;
  onQuickReply: (reply: QuickReply, trigger: Trigger) => void;
};

const MAX = 8;

/**
 * The composer's two completions: "/" lists quick replies (by shortcut or title), "@" in note mode lists the
 * organization's people. Which one is open follows the token at the caret; Escape dismisses it until the token changes.
 */
export function usePickers({ text, caret, noteMode, quickReplies, people, replace, onQuickReply }: Options) {
  const [selection, setSelection] = useState<{ token: string | null; index: number }>({ token: null, index: 0 });
  const [dismissed, setDismissed] = useState<string | null>(null);
  const trigger = findTrigger(text, caret, noteMode ? ["/", "@"] : ["/"]);
  const token = trigger ? `${trigger.start}:${trigger.char}${trigger.query}` : null;
  const open = Boolean(trigger) && token !== dismissed;
  const char = trigger?.char ?? null;
  const q = trigger?.query ?? "";

  const replies = useMemo(() => {
    if (char !== "/") return [];
    return quickReplies
      .filter((r) => !q || r.shortcut.toLowerCase().includes(q) || r.title.toLowerCase().includes(q))
      .sort((a, b) => Number(!a.shortcut.toLowerCase().startsWith(q)) - Number(!b.shortcut.toLowerCase().startsWith(q)))
      .slice(0, MAX);
  }, [char, q, quickReplies]);
  const mentions = useMemo(() => {
    if (char !== "@") return [];
    return people.filter((p) => !q || p.name.toLowerCase().split(/\s+/).some((w) => w.startsWith(q)) || p.email.toLowerCase().startsWith(q)).slice(0, MAX);
  }, [char, q, people]);

  const items: Suggestion[] =
    char === "/"
      ? replies.map((r) => ({ key: r.id, label: `/${r.shortcut} · ${r.title}`, hint: r.body, testId: `quick-reply-option-${r.shortcut}` }))
      : mentions.map((p) => ({ key: p.id, label: p.name, hint: p.email, testId: `mention-option-${p.id}` }));
  // The highlighted row belongs to the token it was chosen for: typing on starts again from the first match.
  const index = selection.token === token ? Math.min(selection.index, Math.max(0, items.length - 1)) : 0;
  const setActive = (i: number) => setSelection({ token, index: i });

  const pick = (i: number) => {
    if (!trigger) return;
    if (trigger.char === "/" && replies[i]) onQuickReply(replies[i], trigger);
    else if (trigger.char === "@" && mentions[i]) replace(trigger, `@${mentions[i].name} `);
  };

  /** Keys for the textarea: true when the picker consumed the key. */
  const onKey = (key: string): boolean => {
    if (!open || !trigger) return false;
    if (key === "Escape") {
      setDismissed(token);
      return true;
    }
    if (!items.length) return false;
    if (key === "ArrowDown" || key === "ArrowUp") {
      setActive((index + (key === "ArrowDown" ? 1 : items.length - 1)) % items.length);
      return true;
    }
    if (key === "Enter" || key === "Tab") {
      pick(index);
      return true;
    }
    return false;
  };

  return { open, kind: char, items, active: index, setActive, pick, onKey };
}
