"use client";

import { useEffect, useRef } from "react";

export type ShortcutHandlers = {
  /** Move the open conversation by `delta` rows (j = +1, k = -1). */
  move: (delta: 1 | -1) => void;
  resolve: () => void;
  assignMe: () => void;
  toggleContact: () => void;
  back: () => void;
  palette: () => void;
  help: () => void;
};

/** The list shown by "?" (the dialog renders it, so the two never disagree). */
export const SHORTCUTS = [
  { keys: ["j"], action: "next" },
  { keys: ["k"], action: "previous" },
  { keys: ["e"], action: "resolve" },
  { keys: ["a"], action: "assignMe" },
  { keys: ["i"], action: "contact" },
  { keys: ["Esc"], action: "back" },
  { keys: ["/"], action: "quickReplies" },
  { keys: ["⌘", "K"], action: "palette" },
  { keys: ["?"], action: "help" },
] as const;

/** Typing in a field, or working inside a dialog or menu, is never hijacked by single-key shortcuts. */
function isTyping(target: EventTarget | null) {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName)) return true;
  return Boolean(target.closest("[role=dialog],[role=alertdialog],[role=menu],[role=listbox][data-slot=select-content],[role=combobox]"));
}

export function useInboxShortcuts(handlers: ShortcutHandlers) {
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const h = ref.current;
      if ((e.metaKey || e.ctrlKey) && e.key.toLowerCase() === "k") {
        e.preventDefault();
        h.palette();
        return;
      }
      if (e.defaultPrevented || e.metaKey || e.ctrlKey || e.altKey || (e.repeat && e.key !== "j" && e.key !== "k")) return;
      if (isTyping(e.target)) return;
      const run = (fn: () => void) => {
        e.preventDefault();
        fn();
      };
      switch (e.key) {
        case "j":
          return run(() => h.move(1));
        case "k":
          return run(() => h.move(-1));
        case "e":
          return run(h.resolve);
        case "a":
          return run(h.assignMe);
        case "i":
          return run(h.toggleContact);
        case "?":
          return run(h.help);
        case "Escape":
          return h.back();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
