"use client";

import type { ReactNode } from "react";
import { cn } from "@/lib/utils";

export type Suggestion = { key: string; label: ReactNode; hint?: ReactNode; testId: string };

/** The token being completed at the caret: "/" (quick replies, at a word start) or "@" (mentions, in notes). */
export type Trigger = { char: "/" | "@"; query: string; start: number; end: number };

export function findTrigger(text: string, caret: number, chars: ("/" | "@")[]): Trigger | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)([/@])([^\s/@]{0,40})$/.exec(before);
  if (!match || !chars.includes(match[2] as "/" | "@")) return null;
  const start = caret - match[3].length - 1;
  return { char: match[2] as "/" | "@", query: match[3].toLowerCase(), start, end: caret };
}

/**
 * A listbox above the composer. Focus stays in the textarea (aria-activedescendant points here); the textarea's
 * key handler moves `active` and picks.
 */
export function SuggestionList({
  id,
  label,
  items,
  active,
  onPick,
  onHover,
  empty,
}: {
  id: string;
  label: string;
  items: Suggestion[];
  active: number;
  onPick: (index: number) => void;
  onHover: (index: number) => void;
  empty: string;
}) {
  return (
    <div className="absolute inset-x-2 bottom-full z-30 mb-2 overflow-hidden rounded-lg border bg-popover text-popover-foreground shadow-lg">
      <p className="border-b px-3 py-1.5 text-[11px] font-medium tracking-wide text-muted-foreground uppercase">{label}</p>
      <ul id={id} role="listbox" aria-label={label} className="max-h-64 overflow-y-auto py-1">
        {items.length === 0 && <li className="px-3 py-2 text-sm text-muted-foreground">{empty}</li>}
        {items.map((item, i) => (
          <li
            key={item.key}
            id={`${id}-${i}`}
            role="option"
            aria-selected={i === active}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onPick(i)}
            onMouseEnter={() => onHover(i)}
            className={cn("flex cursor-pointer flex-col gap-0.5 px-3 py-2 text-sm", i === active && "bg-accent text-accent-foreground")}
            data-testid={item.testId}
          >
            <span className="truncate font-medium">{item.label}</span>
            {item.hint && <span className="line-clamp-1 text-xs text-muted-foreground">{item.hint}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
