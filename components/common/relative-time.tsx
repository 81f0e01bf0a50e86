"use client";

import { useFormatter, useNow } from "next-intl";

/** "hace 5 minutos", with the exact date and time on hover. */
export function RelativeTime({ value, fallback }: { value: string | null | undefined; fallback?: string }) {
  const format = useFormatter();
  const now = useNow({ updateInterval: 60_000 });
  if (!value) return <span className="text-muted-foreground">{fallback ?? "—"}</span>;
  const date = new Date(value);
  // `now` ticks once a minute, so something that just happened can look a few seconds ahead of it.
  const reference = date > now && date.getTime() - now.getTime() < 60_000 ? date : now;
  return (
    <time dateTime={value} title={format.dateTime(date, { dateStyle: "medium", timeStyle: "short" })} suppressHydrationWarning>
      {format.relativeTime(date, reference)}
    </time>
  );
}
