"use client";

import { CheckIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useTagColors } from "@/lib/client/tags";
import { cn } from "@/lib/utils";

/** The palette of GET /tags/colors as a radio group of swatches; `allowNone` adds a "no color" choice (teams). */
export function ColorPicker({ value, onChange, allowNone = false, label }: { value: string | null; onChange: (color: string | null) => void; allowNone?: boolean; label: string }) {
  const t = useTranslations("tagsSettings.colors");
  const palette = useTagColors().data ?? [];
  const choices = [...(allowNone ? [{ name: null, hex: null }] : []), ...palette];
  return (
    <div role="radiogroup" aria-label={label} className="flex flex-wrap gap-2">
      {choices.map((c) => {
        const selected = value === c.name;
        const name = c.name ?? "none";
        return (
          <button
            key={name}
            type="button"
            role="radio"
            aria-checked={selected}
            aria-label={t(name as "none")}
            title={t(name as "none")}
            onClick={() => onChange(c.name)}
            data-testid={`color-${name}`}
            className={cn(
              "flex size-7 items-center justify-center rounded-full border-2 border-transparent outline-none transition-transform focus-visible:ring-[3px] focus-visible:ring-ring/50",
              selected && "scale-110 border-foreground",
              !c.hex && "border-dashed border-muted-foreground/50 bg-background",
            )}
            style={c.hex ? { backgroundColor: c.hex } : undefined}
          >
            {selected && <CheckIcon className={cn("size-4", c.hex ? "text-white" : "text-foreground")} aria-hidden="true" />}
          </button>
        );
      })}
    </div>
  );
}
