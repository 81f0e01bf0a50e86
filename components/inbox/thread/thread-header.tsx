"use client";

import { AlarmClockIcon, ArrowLeftIcon } from "lucide-react";
import { useFormatter, useNow, useTranslations } from "next-intl";
import { UserAvatar } from "@/components/common/user-avatar";
import { contactName, PriorityMark, StatusPill } from "@/components/inbox/list/row-parts";
import { Button } from "@/components/ui/button";
import type { Conversation } from "@/lib/client/conversations";
import type { Viewer } from "@/lib/client/presence-conversation";
import { HeaderActions, type Person } from "./header-actions";

function Viewers({ viewers }: { viewers: Viewer[] }) {
  const t = useTranslations("thread.header");
  if (!viewers.length) return null;
  const names = viewers.map((v) => v.name).join(", ");
  return (
    <div className="flex items-center -space-x-1.5" role="status" aria-label={t("alsoViewing", { names })} title={t("alsoViewing", { names })} data-testid="also-viewing">
      {viewers.slice(0, 3).map((v) => (
        <span key={v.id} data-testid={`viewing-${v.id}`}>
          <UserAvatar name={v.name} src={v.avatarUrl} size="sm" className="ring-2 ring-background" />
        </span>
      ))}
      {viewers.length > 3 && <span className="pl-2 text-xs text-muted-foreground">+{viewers.length - 3}</span>}
    </div>
  );
}

/** Who the customer is, where the conversation stands, who else is here — and what can be done about it. */
export function ThreadHeader({
  conversation: c,
  people,
  viewers,
  typingNames,
  onBack,
}: {
  conversation: Conversation;
  people: Person[];
  viewers: Viewer[];
  typingNames: string[];
  onBack?: () => void;
}) {
  const t = useTranslations("thread.header");
  const format = useFormatter();
  const name = contactName(c);
  const now = useNow({ updateInterval: 60_000 });
  const snoozed = c.snoozedUntil && Date.parse(c.snoozedUntil) > now.getTime() ? c.snoozedUntil : null;
  return (
    <header className="flex items-center gap-2 border-b bg-background px-2 py-2 @lg:px-4" data-testid="thread-header">
      {onBack && (
        <Button variant="ghost" size="icon-sm" className="md:hidden" onClick={onBack} aria-label={t("back")} data-testid="thread-back">
          <ArrowLeftIcon />
        </Button>
      )}
      <UserAvatar name={name} size="lg" className="hidden @lg:inline-flex" />
      <div className="min-w-0 flex-1">
        <div className="flex min-w-0 items-center gap-1.5">
          <h2 className="truncate text-sm font-semibold @lg:text-base" data-testid="thread-contact-name">
            {name}
          </h2>
          <span className="shrink-0 text-xs text-muted-foreground tabular-nums" data-testid="thread-display-id">
            #{c.displayId}
          </span>
          <PriorityMark priority={c.priority} />
        </div>
        <div className="flex min-w-0 items-center gap-1.5 text-xs text-muted-foreground">
          <StatusPill status={c.status} />
          {typingNames.length > 0 ? (
            <span className="truncate text-emerald-700 italic dark:text-emerald-400" aria-live="polite" data-testid="typing-indicator">
              {t("typing", { names: typingNames.join(", "), count: typingNames.length })}
            </span>
          ) : (
            <span className="flex min-w-0 items-center gap-1 truncate" data-testid="thread-assignee">
              {c.assignee ? (
                <>
                  <UserAvatar name={c.assignee.name} src={c.assignee.avatarUrl} size="sm" className="hidden scale-75 @lg:inline-flex" />
                  <span className="truncate">{c.assignee.name}</span>
                </>
              ) : (
                t("unassignedLabel")
              )}
            </span>
          )}
          {snoozed && (
            <span className="hidden shrink-0 items-center gap-1 @lg:inline-flex" title={format.dateTime(new Date(snoozed), { dateStyle: "medium", timeStyle: "short" })}>
              <AlarmClockIcon className="size-3" aria-hidden="true" />
              {t("snoozed")}
            </span>
          )}
        </div>
      </div>
      <Viewers viewers={viewers} />
      <HeaderActions conversation={c} people={people} />
    </header>
  );
}
