"use client";

import { useRef, useState, type ComponentProps, type KeyboardEvent } from "react";
import { XIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/utils";

/**
 * A list of short texts typed one by one: Enter (or a separator) adds the typed text, Backspace on an empty input
 * removes the last chip, pasting several lines adds them all, leaving the field keeps what was typed.
 * `invalid` marks chips the caller found wrong (e.g. a regex that does not compile).
 */
export function ChipInput({
  value,
  onChange,
  separators = [",", ";"],
  placeholder,
  max = 100,
  invalid,
  mono,
  testId,
  ...aria
}: {
  value: string[];
  onChange: (next: string[]) => void;
  separators?: string[];
  placeholder?: string;
  max?: number;
  invalid?: (chip: string) => boolean;
  mono?: boolean;
  testId?: string;
} & Pick<ComponentProps<"input">, "id" | "aria-describedby" | "aria-invalid" | "aria-required">) {
  const t = useTranslations("bot.chips");
  const [draft, setDraft] = useState("");
  const inputRef = useRef<HTMLInputElement>(null);

  const add = (texts: string[]) => {
    const next = [...value];
    for (const raw of texts) {
      const text = raw.trim();
      if (text && !next.some((v) => v.toLowerCase() === text.toLowerCase()) && next.length < max) next.push(text);
    }
    if (next.length !== value.length) onChange(next);
  };
  const commit = () => {
    if (!draft.trim()) return;
    add([draft]);
    setDraft("");
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Enter" || separators.includes(e.key)) {
      if (!draft.trim()) {
        if (e.key === "Enter") e.preventDefault();
        return;
      }
      e.preventDefault();
      commit();
    } else if (e.key === "Backspace" && !draft && value.length) {
      onChange(value.slice(0, -1));
    }
  };

  return (
    <div
      className={cn(
        "flex min-h-9 w-full flex-wrap items-center gap-1.5 rounded-md border border-input bg-transparent px-2 py-1.5 text-sm shadow-xs dark:bg-input/30",
        "focus-within:border-ring focus-within:ring-[3px] focus-within:ring-ring/50",
        aria["aria-invalid"] && "border-destructive",
      )}
      onClick={() => inputRef.current?.focus()}
      data-testid={testId ? `${testId}-chips` : undefined}
    >
      <ul className="contents" aria-label={t("list")}>
        {value.map((chip, i) => {
          const bad = invalid?.(chip) ?? false;
          return (
            <li
              key={`${chip}-${i}`}
              className={cn(
                "inline-flex max-w-full items-center gap-1 rounded-md bg-secondary py-0.5 pr-1 pl-2 text-xs text-secondary-foreground",
                mono && "font-mono",
                bad && "bg-destructive/10 text-destructive ring-1 ring-destructive/40",
              )}
              data-testid="chip"
            >
              <span className="truncate">{chip}</span>
              {bad && <span className="sr-only">{t("invalid")}</span>}
              <button
                type="button"
                className="rounded-sm p-0.5 opacity-70 outline-none hover:opacity-100 focus-visible:ring-2 focus-visible:ring-ring"
                aria-label={t("remove", { value: chip })}
                onClick={(e) => {
                  e.stopPropagation();
                  onChange(value.filter((_, j) => j !== i));
                }}
              >
                <XIcon className="size-3" />
              </button>
            </li>
          );
        })}
      </ul>
      <input
        ref={inputRef}
        {...aria}
        value={draft}
        placeholder={value.length ? undefined : placeholder}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={commit}
        onPaste={(e) => {
          const text = e.clipboardData.getData("text");
          if (!text.includes("\n")) return;
          e.preventDefault();
          add(text.split(/\r?\n/));
        }}
        className={cn("min-w-24 flex-1 bg-transparent py-0.5 outline-none placeholder:text-muted-foreground", mono && "font-mono")}
        data-testid={testId}
      />
    </div>
  );
}
