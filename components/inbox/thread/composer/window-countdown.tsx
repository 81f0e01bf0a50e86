"use client";

import { useEffect, useState } from "react";
import { TimerIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/utils";

const HOUR = 3_600_000;

/** Milliseconds left in the 24-hour window (0 once closed or never opened), re-rendering every second under an hour. */
export function useWindowRemaining(expiresAt: string | null) {
  const end = expiresAt ? Date.parse(expiresAt) : 0;
  const [now, setNow] = useState(() => Date.now());
  const remaining = Math.max(0, end - now);
  useEffect(() => {
    if (remaining <= 0) return;
    // Wake at the next change of what is shown: each second under an hour, else at the next whole minute (or hour mark).
    const step = remaining <= HOUR ? 1_000 : Math.min(remaining - HOUR + 1, (remaining % 60_000) + 1);
    const timer = setTimeout(() => setNow(Date.now()), Math.max(250, step));
    return () => clearTimeout(timer);
  }, [remaining]);
  return remaining;
}

/** "23 h 12 min" while the window is wide open; "42:07" under an hour, when it matters by the second. */
export function WindowCountdown({ remaining }: { remaining: number }) {
  const t = useTranslations("thread.window");
  const urgent = remaining <= HOUR;
  const total = Math.floor(remaining / 1000);
  const label = urgent
    ? t("leftShort", { time: `${Math.floor(total / 60)}:${String(total % 60).padStart(2, "0")}` })
    : t("leftLong", { hours: Math.floor(total / 3600), minutes: Math.floor((total % 3600) / 60) });
  return (
    <span
      className={cn("inline-flex items-center gap-1 text-[11px] tabular-nums", urgent ? "font-medium text-amber-700 dark:text-amber-400" : "text-muted-foreground")}
      title={t("explain")}
      data-testid="window-countdown"
      data-remaining={total}
    >
      <TimerIcon className="size-3.5" aria-hidden="true" />
      {label}
    </span>
  );
}
