"use client";

import { XIcon } from "lucide-react";
import { useTagColors, type TagColor } from "@/lib/client/tags";
import { cn } from "@/lib/utils";

const FALLBACK = "#6b7280";

/** Tags (and teams) store a palette name ("amber") or a hex; the palette comes from GET /tags/colors, cached forever. */
export function useColorHex() {
  const palette = useTagColors().data;
  return (color: string | null | undefined) => {
    if (!color) return FALLBACK;
    if (color.startsWith("#")) return color;
    return palette?.find((c: TagColor) => c.name === color)?.hex ?? FALLBACK;
  };
}

export function ColorDot({ color, className }: { color: string | null | undefined; className?: string }) {
  const hex = useColorHex()(color);
  return <span aria-hidden="true" className={cn("inline-block size-2.5 shrink-0 rounded-full", className)} style={{ backgroundColor: hex }} />;
}

/** A tag as a tinted chip (readable in light and dark themes); with `onRemove`, a small × button removes it. */
export function TagBadge({
  name,
  color,
  onRemove,
  removeLabel,
  removeTestId,
  className,
}: {
  name: string;
  color: string;
  onRemove?: () => void;
  removeLabel?: string;
  removeTestId?: string;
  className?: string;
}) {
  const hex = useColorHex()(color);
  return (
    <span
      data-slot="tag-badge"
      className={cn("inline-flex max-w-full items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium text-foreground", className)}
      style={{ backgroundColor: `${hex}1f`, borderColor: `${hex}66` }}
    >
      <span aria-hidden="true" className="size-2 shrink-0 rounded-full" style={{ backgroundColor: hex }} />
      <span className="truncate">{name}</span>
      {onRemove && (
        <button
          type="button"
          onClick={onRemove}
          aria-label={removeLabel}
          data-testid={removeTestId}
          className="-mr-1 flex size-4 items-center justify-center rounded-full text-muted-foreground outline-none hover:bg-foreground/10 hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring/50"
        >
          <XIcon className="size-3" />
        </button>
      )}
    </span>
  );
}
