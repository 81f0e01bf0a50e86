"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { AlarmClockIcon, BotIcon, CheckCheckIcon, FlagIcon, HandIcon, MoreHorizontalIcon, RotateCcwIcon, UserMinusIcon, UserPlusIcon } from "lucide-react";
import { useFormatter, useNow, useTranslations } from "next-intl";
import { UserAvatar } from "@/components/common/user-avatar";
import { FOLLOW_UP_PRESETS, presetDate } from "@/components/inbox/contact-panel/follow-up";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuSub,
  DropdownMenuSubContent,
  DropdownMenuSubTrigger,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import type { Conversation, ConversationAction, ConversationPriority } from "@/lib/client/conversations";
import { useMe } from "@/lib/client/me";
import { useRunConversationAction } from "../use-conversation-commands";
import { PRIORITIES } from "../use-inbox-params";

const ReturnToBotDialog = dynamic(() => import("./return-to-bot-dialog").then((m) => m.ReturnToBotDialog), { ssr: false });

export type Person = { id: string; name: string; email: string; avatarUrl: string | null };

type Run = (a: ConversationAction, done?: string) => void;

/** "Assign to" one of the people, or unassign: the assign button's menu, or a submenu of "more" in a narrow pane. */
function AssignItems({ conversation: c, people, run }: { conversation: Conversation; people: Person[]; run: Run }) {
  const t = useTranslations("thread.header");
  const me = useMe();
  return (
    <>
      <DropdownMenuLabel>{t("assignTo")}</DropdownMenuLabel>
      {people.map((p) => (
        <DropdownMenuItem
          key={p.id}
          disabled={p.id === c.assignee?.id}
          onSelect={() => run({ action: "assign", userId: p.id, assignee: { id: p.id, name: p.name, avatarUrl: p.avatarUrl } }, t("assigned", { name: p.name }))}
          data-testid={`assign-user-${p.id}`}
        >
          <UserAvatar name={p.name} src={p.avatarUrl} size="sm" />
          <span className="min-w-0 truncate">{p.id === me.user?.id ? t("me", { name: p.name }) : p.name}</span>
        </DropdownMenuItem>
      ))}
      {c.assignee && (
        <>
          <DropdownMenuSeparator />
          <DropdownMenuItem onSelect={() => run({ action: "unassign" }, t("unassigned"))} data-testid="unassign">
            <UserMinusIcon />
            {t("unassign")}
          </DropdownMenuItem>
        </>
      )}
    </>
  );
}

/**
 * Take over, assign, resolve, and a menu with return to bot, snooze and priority. Labels collapse to icons in a
 * narrow pane; `compact` (the thread squeezed between list and contact panel, or a phone) moves assign into "more".
 */
export function HeaderActions({ conversation: c, people, compact = false }: { conversation: Conversation; people: Person[]; compact?: boolean }) {
  const t = useTranslations("thread.header");
  const tp = useTranslations("inbox.priority");
  const format = useFormatter();
  const me = useMe();
  const action = useRunConversationAction();
  const [returnOpen, setReturnOpen] = useState(false);
  const closed = c.status === "CLOSED";
  const mine = c.assignee?.id === me.user?.id;
  const canTakeOver = !closed && (c.status === "BOT_HANDLING" || !c.assignee);
  const now = useNow({ updateInterval: 60_000 });
  const snoozed = c.snoozedUntil && Date.parse(c.snoozedUntil) > now.getTime();

  const run: Run = (a, done) => action.run({ id: c.id, ...a }, done);

  return (
    <div className="flex shrink-0 items-center gap-1">
      {canTakeOver && (
        <Button size="sm" onClick={() => run({ action: "takeover" }, t("tookOver"))} disabled={action.pending} data-testid="take-over" aria-label={t("takeOver")}>
          <HandIcon />
          <span className="hidden @3xl:inline">{t("takeOver")}</span>
        </Button>
      )}
      {!compact && (
        <DropdownMenu>
          <DropdownMenuTrigger asChild>
            <Button variant="outline" size="sm" aria-label={t("assign")} data-testid="assign">
              <UserPlusIcon />
              <span className="hidden @3xl:inline">{t("assign")}</span>
            </Button>
          </DropdownMenuTrigger>
          <DropdownMenuContent align="end" className="max-h-80 w-64 overflow-y-auto">
            <AssignItems conversation={c} people={people} run={run} />
          </DropdownMenuContent>
        </DropdownMenu>
      )}
      {!closed && (
        <Button variant="outline" size="sm" onClick={() => run({ action: "resolve" }, t("resolved"))} disabled={action.pending} data-testid="resolve" aria-label={t("resolve")}>
          <CheckCheckIcon />
          <span className="hidden @3xl:inline">{t("resolve")}</span>
        </Button>
      )}
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="ghost" size="icon-sm" aria-label={t("more")} data-testid="thread-more">
            <MoreHorizontalIcon />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end" className="w-56">
          {compact && (
            <>
              <DropdownMenuSub>
                <DropdownMenuSubTrigger data-testid="assign">
                  <UserPlusIcon />
                  {t("assign")}
                </DropdownMenuSubTrigger>
                <DropdownMenuSubContent className="max-h-80 w-64 overflow-y-auto">
                  <AssignItems conversation={c} people={people} run={run} />
                </DropdownMenuSubContent>
              </DropdownMenuSub>
              <DropdownMenuSeparator />
            </>
          )}
          {closed ? (
            <DropdownMenuItem onSelect={() => run({ action: "patch", status: "OPEN" }, t("reopened"))} data-testid="reopen">
              <RotateCcwIcon />
              {t("reopen")}
            </DropdownMenuItem>
          ) : (
            c.status !== "BOT_HANDLING" && (
              <DropdownMenuItem onSelect={() => setReturnOpen(true)} data-testid="return-to-bot">
                <BotIcon />
                {t("returnToBot")}
              </DropdownMenuItem>
            )
          )}
          <DropdownMenuSub>
            <DropdownMenuSubTrigger data-testid="snooze">
              <AlarmClockIcon />
              {t("snooze")}
            </DropdownMenuSubTrigger>
            <DropdownMenuSubContent>
              {FOLLOW_UP_PRESETS.map((p) => (
                <DropdownMenuItem
                  key={p}
                  onSelect={() => {
                    const at = presetDate(p);
                    run({ action: "patch", snoozedUntil: at.toISOString() }, t("snoozedUntil", { at: format.dateTime(at, { dateStyle: "medium", timeStyle: "short" }) }));
                  }}
                  data-testid={`snooze-${p}`}
                >
                  {t(`snoozePresets.${p}`)}
                </DropdownMenuItem>
              ))}
              {snoozed && (
                <>
                  <DropdownMenuSeparator />
                  <DropdownMenuItem onSelect={() => run({ action: "patch", snoozedUntil: null }, t("unsnoozed"))} data-testid="unsnooze">
                    {t("unsnooze")}
                  </DropdownMenuItem>
                </>
              )}
            </DropdownMenuSubContent>
          </DropdownMenuSub>
          <DropdownMenuSub>
            <DropdownMenuSubTrigger data-testid="priority">
              <FlagIcon />
              {t("priority")}
            </DropdownMenuSubTrigger>
            <DropdownMenuSubContent>
              <DropdownMenuRadioGroup value={c.priority} onValueChange={(v) => run({ action: "patch", priority: v as ConversationPriority })}>
                {PRIORITIES.map((p) => (
                  <DropdownMenuRadioItem key={p} value={p} data-testid={`priority-${p}`}>
                    {tp(p)}
                  </DropdownMenuRadioItem>
                ))}
              </DropdownMenuRadioGroup>
            </DropdownMenuSubContent>
          </DropdownMenuSub>
          {mine && !closed && (
            <>
              <DropdownMenuSeparator />
              <DropdownMenuItem onSelect={() => run({ action: "unassign" }, t("unassigned"))} data-testid="release">
                <UserMinusIcon />
                {t("release")}
              </DropdownMenuItem>
            </>
          )}
        </DropdownMenuContent>
      </DropdownMenu>
      {returnOpen && <ReturnToBotDialog conversationId={c.id} onClose={() => setReturnOpen(false)} />}
    </div>
  );
}
