"use client";

import { useTranslations } from "next-intl";
import { cn } from "@/lib/utils";

export type Presence = "ONLINE" | "AWAY" | "BUSY" | "OFFLINE";
export const PRESENCES: Presence[] = ["ONLINE", "AWAY", "BUSY", "OFFLINE"];

const COLORS: Record<Presence, string> = {
  ONLINE: "bg-emerald-500",
  AWAY: "bg-amber-400",
  BUSY: "bg-rose-500",
  OFFLINE: "bg-zinc-400 dark:bg-zinc-500",
};

export function PresenceDot({ status, className }: { status: Presence; className?: string }) {
  return <span aria-hidden="true" className={cn("inline-block size-2.5 shrink-0 rounded-full", COLORS[status], className)} />;
}

export function PresenceLabel({ status, className }: { status: Presence; className?: string }) {
  const t = useTranslations("presence");
  return (
    <span className={cn("inline-flex items-center gap-1.5 text-sm", className)}>
      <PresenceDot status={status} className="size-2" />
      {t(status)}
    </span>
  );
}
