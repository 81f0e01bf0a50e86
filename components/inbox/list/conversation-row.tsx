"use client";

import { memo } from "react";
import { AlarmClockIcon, BellDotIcon, CornerUpLeftIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Checkbox } from "@/components/ui/checkbox";
import { UserAvatar } from "@/components/common/user-avatar";
import type { Conversation } from "@/lib/client/conversations";
import { cn } from "@/lib/utils";
import { CompactTime, contactName, PriorityMark, StatusPill, TagDots, WindowHint } from "./row-parts";

export const ROW_HEIGHT = 92;

type Props = {
  conversation: Conversation;
  index: number;
  total: number;
  active: boolean;
  checked: boolean;
  onOpen: (id: string) => void;
  onToggle: (id: string, range: boolean) => void;
};

/** One option of the list: positioned absolutely by the windowed parent, so its height is fixed. */
export const ConversationRow = memo(function ConversationRow({ conversation: c, index, total, active, checked, onOpen, onToggle }: Props) {
  const t = useTranslations("inbox.row");
  const name = contactName(c);
  const unread = c.unreadCount > 0;
  const snoozed = c.snoozedUntil && new Date(c.snoozedUntil) > new Date();
  return (
    <div
      id={`conversation-option-${c.id}`}
      role="option"
      aria-selected={active}
      aria-posinset={index + 1}
      aria-setsize={total}
      aria-label={t("label", { name, id: c.displayId, unread: c.unreadCount })}
      data-testid={`conversation-row-${c.id}`}
      onClick={(e) => (e.shiftKey || e.metaKey || e.ctrlKey ? onToggle(c.id, e.shiftKey) : onOpen(c.id))}
      className={cn(
        "absolute inset-x-0 flex cursor-pointer gap-3 border-b px-3 py-2.5 transition-colors select-none",
        "hover:bg-accent/60",
        active && "bg-primary/[.07] shadow-[inset_3px_0_0] shadow-primary hover:bg-primary/10",
        checked && !active && "bg-accent/50",
      )}
      style={{ top: index * ROW_HEIGHT, height: ROW_HEIGHT }}
    >
      <div className="flex flex-col items-center pt-0.5" onClick={(e) => e.stopPropagation()}>
        <Checkbox
          checked={checked}
          tabIndex={-1}
          onClick={(e) => {
            e.stopPropagation();
            onToggle(c.id, e.shiftKey);
          }}
          aria-label={t("select", { name })}
          data-testid={`conversation-check-${c.id}`}
        />
      </div>
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <div className="flex items-center gap-1.5">
          <PriorityMark priority={c.priority} />
          <span className={cn("truncate text-sm", unread ? "font-semibold" : "font-medium")}>{name}</span>
          <span className="shrink-0 text-[11px] text-muted-foreground tabular-nums">#{c.displayId}</span>
          <span className="ml-auto" />
          <CompactTime value={c.lastMessageAt ?? c.createdAt} />
        </div>
        <div className="flex items-center gap-1.5">
          {c.lastMessageDirection === "OUTBOUND" && <CornerUpLeftIcon className="size-3 shrink-0 text-muted-foreground" aria-label={t("youReplied")} />}
          <span className={cn("truncate text-[13px]", unread ? "text-foreground" : "text-muted-foreground")}>{c.lastMessagePreview || t("noMessages")}</span>
          {unread && (
            <span
              className="ml-auto flex h-5 min-w-5 shrink-0 items-center justify-center rounded-full bg-primary px-1.5 text-[11px] font-semibold text-primary-foreground tabular-nums"
              data-testid={`conversation-unread-${c.id}`}
            >
              {c.unreadCount > 99 ? "99+" : c.unreadCount}
            </span>
          )}
        </div>
        <div className="flex min-w-0 items-center gap-1.5">
          <StatusPill status={c.status} />
          {snoozed && <AlarmClockIcon className="size-3.5 shrink-0 text-muted-foreground" aria-label={t("snoozed")} />}
          {c.followUp && <BellDotIcon className="size-3.5 shrink-0 text-muted-foreground" aria-label={t("followUp")} />}
          <WindowHint conversation={c} />
          <TagDots tags={c.tags} />
          <span className="ml-auto" />
          {c.assignee ? (
            <span title={t("assignedTo", { name: c.assignee.name })} className="shrink-0">
              <UserAvatar name={c.assignee.name} src={c.assignee.avatarUrl} size="sm" className="[&_[data-slot=avatar]]:size-5 [&_[data-slot=avatar]]:text-[9px]" />
              <span className="sr-only">{t("assignedTo", { name: c.assignee.name })}</span>
            </span>
          ) : (
            c.status !== "BOT_HANDLING" && c.status !== "CLOSED" && <span className="shrink-0 text-[11px] text-muted-foreground">{t("unassigned")}</span>
          )}
        </div>
      </div>
    </div>
  );
});
