"use client";

import { AlarmClockIcon, ArrowLeftIcon, PanelRightIcon } from "lucide-react";
import { useFormatter, useNow, useTranslations } from "next-intl";
import { useElementWidth } from "@/components/common/use-element-width";
import { UserAvatar } from "@/components/common/user-avatar";
import { useInboxLayout } from "@/components/inbox/inbox-context";
import { contactName, PriorityMark, StatusPill } from "@/components/inbox/list/row-parts";
import { Button } from "@/components/ui/button";
import type { Conversation } from "@/lib/client/conversations";
import type { Viewer } from "@/lib/client/presence-conversation";
import { cn } from "@/lib/utils";
import { HeaderActions, type Person } from "./header-actions";

/** Below this header width (the thread between list and contact panel at 1280 px is ~380 px) secondary actions fold into "more". */
const COMPACT_BELOW = 560;

function Viewers({ viewers, max }: { viewers: Viewer[]; max: number }) {
  const t = useTranslations("thread.header");
  if (!viewers.length) return null;
  const names = viewers.map((v) => v.name).join(", ");
  return (
    <div className="flex items-center -space-x-1.5" role="status" aria-label={t("alsoViewing", { names })} title={t("alsoViewing", { names })} data-testid="also-viewing">
      {viewers.slice(0, max).map((v) => (
        <span key={v.id} data-testid={`viewing-${v.id}`}>
          <UserAvatar name={v.name} src={v.avatarUrl} size="sm" className="ring-2 ring-background" />
        </span>
      ))}
      {viewers.length > max && <span className="pl-2 text-xs text-muted-foreground">+{viewers.length - max}</span>}
    </div>
  );
}

/** Shows or hides the contact panel (inline on wide screens, a sheet on narrow ones); absent outside the inbox page. */
function ContactPanelToggle() {
  const t = useTranslations("thread.header");
  const layout = useInboxLayout();
  if (!layout) return null;
  return (
    <Button
      variant="ghost"
      size="icon-sm"
      onClick={layout.toggleContact}
      aria-pressed={layout.contactOpen}
      aria-label={t("contactPanel")}
      title={t("contactPanelHint")}
      className={cn(layout.contactOpen && "bg-accent text-accent-foreground")}
      data-testid="toggle-contact-panel"
    >
      <PanelRightIcon />
    </Button>
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
  const [ref, width] = useElementWidth<HTMLElement>();
  const compact = width !== null && width < COMPACT_BELOW;
  return (
    <header ref={ref} className="flex items-center gap-2 border-b bg-background px-2 py-2 @lg:px-4" data-compact={compact || undefined} data-testid="thread-header">
      {onBack && (
        <Button variant="ghost" size="icon-sm" className="md:hidden" onClick={onBack} aria-label={t("back")} data-testid="thread-back">
          <ArrowLeftIcon />
        </Button>
      )}
      <UserAvatar name={name} size="lg" className="hidden @lg:inline-flex" />
      <div className="min-w-0 flex-1">
        <div className="flex min-w-0 items-center gap-1.5">
          <h2 className="min-w-0 truncate text-sm font-semibold @lg:text-base" title={name} data-testid="thread-contact-name">
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
      <Viewers viewers={viewers} max={compact ? 2 : 3} />
      <HeaderActions conversation={c} people={people} compact={compact} />
      <ContactPanelToggle />
    </header>
  );
}
