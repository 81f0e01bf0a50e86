"use client";

import { ArrowUpIcon, ChevronsUpIcon, ChevronDownIcon, HourglassIcon } from "lucide-react";
import { useFormatter, useNow, useTranslations } from "next-intl";
import { ColorDot } from "@/components/common/tag-badge";
import type { Conversation, ConversationPriority, ConversationStatus } from "@/lib/client/conversations";
import { cn } from "@/lib/utils";

const STATUS_STYLE: Record<ConversationStatus, string> = {
  OPEN: "bg-sky-100 text-sky-800 dark:bg-sky-500/15 dark:text-sky-300",
  HUMAN_HANDLING: "bg-emerald-100 text-emerald-800 dark:bg-emerald-500/15 dark:text-emerald-300",
  WAITING_FOR_CUSTOMER: "bg-amber-100 text-amber-800 dark:bg-amber-500/15 dark:text-amber-300",
  BOT_HANDLING: "bg-violet-100 text-violet-800 dark:bg-violet-500/15 dark:text-violet-300",
  CLOSED: "bg-muted text-muted-foreground",
};

export function StatusPill({ status, className }: { status: ConversationStatus; className?: string }) {
  const t = useTranslations("inbox.status");
  return (
    <span className={cn("inline-flex h-5 shrink-0 items-center rounded px-1.5 text-[11px] font-medium", STATUS_STYLE[status], className)} data-status={status}>
      {t(status)}
    </span>
  );
}

const PRIORITY_ICON = { URGENT: ChevronsUpIcon, HIGH: ArrowUpIcon, LOW: ChevronDownIcon } as const;
const PRIORITY_STYLE = { URGENT: "text-rose-600 dark:text-rose-400", HIGH: "text-orange-600 dark:text-orange-400", LOW: "text-muted-foreground" } as const;

/** NORMAL is the default and says nothing: no icon. */
export function PriorityMark({ priority }: { priority: ConversationPriority }) {
  const t = useTranslations("inbox.priority");
  if (priority === "NORMAL") return null;
  const Icon = PRIORITY_ICON[priority];
  return (
    <span className={cn("inline-flex shrink-0 items-center", PRIORITY_STYLE[priority])} title={t(priority)}>
      <Icon className="size-3.5" aria-hidden="true" />
      <span className="sr-only">{t(priority)}</span>
    </span>
  );
}

/** Today: the time; this week: the weekday; older: the date — what a list of chats shows. */
export function CompactTime({ value }: { value: string | null }) {
  const format = useFormatter();
  const now = useNow({ updateInterval: 60_000 });
  if (!value) return null;
  const date = new Date(value);
  const ageDays = (now.getTime() - date.getTime()) / 86_400_000;
  const sameDay = date.toDateString() === now.toDateString();
  const text = sameDay
    ? format.dateTime(date, { hour: "2-digit", minute: "2-digit" })
    : ageDays < 6
      ? format.dateTime(date, { weekday: "short" })
      : format.dateTime(date, { day: "numeric", month: "short" });
  return (
    <time dateTime={value} title={format.dateTime(date, { dateStyle: "medium", timeStyle: "short" })} className="shrink-0 text-[11px] text-muted-foreground tabular-nums" suppressHydrationWarning>
      {text}
    </time>
  );
}

const HINT_WINDOW_MS = 3 * 3_600_000;

/** The 24-hour window: a warning in its last hours, "closed" while the customer is the one waiting for an answer. */
export function WindowHint({ conversation }: { conversation: Conversation }) {
  const t = useTranslations("inbox.row");
  const now = useNow({ updateInterval: 60_000 });
  if (!conversation.windowExpiresAt || conversation.status === "CLOSED") return null;
  const left = new Date(conversation.windowExpiresAt).getTime() - now.getTime();
  if (left > HINT_WINDOW_MS) return null;
  if (left <= 0) {
    if (conversation.lastMessageDirection !== "INBOUND") return null;
    return <span className="inline-flex shrink-0 items-center gap-1 text-[11px] text-muted-foreground">{t("windowClosed")}</span>;
  }
  const hours = Math.floor(left / 3_600_000);
  const minutes = Math.max(1, Math.floor((left % 3_600_000) / 60_000));
  return (
    <span className="inline-flex shrink-0 items-center gap-1 text-[11px] font-medium text-amber-700 dark:text-amber-400">
      <HourglassIcon className="size-3" aria-hidden="true" />
      {t("windowCloses", { hours, minutes })}
    </span>
  );
}

export function TagDots({ tags, max = 2 }: { tags: Conversation["tags"]; max?: number }) {
  if (!tags.length) return null;
  const shown = tags.slice(0, max);
  return (
    <span className="flex min-w-0 items-center gap-1 overflow-hidden">
      {shown.map((tag) => (
        <span key={tag.id} className="inline-flex h-5 min-w-0 items-center gap-1 rounded border px-1.5 text-[11px]">
          <ColorDot color={tag.color} className="size-1.5" />
          <span className="truncate">{tag.name}</span>
        </span>
      ))}
      {tags.length > max && <span className="shrink-0 text-[11px] text-muted-foreground">+{tags.length - max}</span>}
    </span>
  );
}

export const contactName = (c: Conversation) => c.contact.name || c.contact.profileName || `+${c.contact.waId}`;
