import { Avatar, AvatarFallback, AvatarImage } from "@/components/ui/avatar";
import { cn } from "@/lib/utils";
import { PresenceDot, type Presence } from "./presence";

export function initials(name: string) {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? parts[0][0] + parts[parts.length - 1][0] : (parts[0] ?? "?").slice(0, 2);
  return letters.toUpperCase();
}

// A stable tint per person makes a list of initials easier to scan than identical grey circles.
const TINTS = [
  "bg-emerald-100 text-emerald-800 dark:bg-emerald-500/20 dark:text-emerald-200",
  "bg-sky-100 text-sky-800 dark:bg-sky-500/20 dark:text-sky-200",
  "bg-violet-100 text-violet-800 dark:bg-violet-500/20 dark:text-violet-200",
  "bg-amber-100 text-amber-800 dark:bg-amber-500/20 dark:text-amber-200",
  "bg-rose-100 text-rose-800 dark:bg-rose-500/20 dark:text-rose-200",
  "bg-teal-100 text-teal-800 dark:bg-teal-500/20 dark:text-teal-200",
];
export function tintFor(seed: string) {
  let h = 0;
  for (const ch of seed) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return TINTS[h % TINTS.length];
}

const SIZES = { sm: "size-7 text-[11px]", md: "size-8 text-xs", lg: "size-10 text-sm", xl: "size-20 text-xl" } as const;

export function UserAvatar({
  name,
  src,
  size = "md",
  presence,
  className,
}: {
  name: string;
  src?: string | null;
  size?: keyof typeof SIZES;
  presence?: Presence;
  className?: string;
}) {
  return (
    <span className={cn("relative inline-flex shrink-0", className)}>
      <Avatar className={SIZES[size]}>
        {src && <AvatarImage src={src} alt="" />}
        <AvatarFallback className={cn("font-semibold", tintFor(name))}>{initials(name)}</AvatarFallback>
      </Avatar>
      {presence && <PresenceDot status={presence} className="absolute -right-0.5 -bottom-0.5 ring-2 ring-background" />}
    </span>
  );
}
