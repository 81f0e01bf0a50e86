"use client";

import { useState } from "react";
import { CopyIcon, EyeIcon, EyeOffIcon, MoreVerticalIcon, ReplyIcon, RotateCwIcon, SmilePlusIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import type { ThreadMessage } from "@/lib/client/thread";
import { cn } from "@/lib/utils";

export const EMOJIS = ["👍", "❤️", "😂", "😮", "😢", "🙏"];

const ROUND =
  "flex size-7 items-center justify-center rounded-full bg-background/90 text-muted-foreground shadow-sm ring-1 ring-black/5 outline-none hover:text-foreground focus-visible:ring-2 focus-visible:ring-emerald-500 dark:ring-white/10";

export type BubbleHandlers = {
  onReply: (m: ThreadMessage) => void;
  onReact: (m: ThreadMessage, emoji: string) => void;
  onToggleHide: (m: ThreadMessage) => void;
  /** Present for admins: send a stored failed message again. */
  onRetrySend?: (m: ThreadMessage) => void;
};

function ReactButton({ m, current, onReact }: { m: ThreadMessage; current: string | null; onReact: BubbleHandlers["onReact"] }) {
  const t = useTranslations("thread.actions");
  const [open, setOpen] = useState(false);
  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger className={ROUND} aria-label={t("react")} data-testid={`react-${m.id}`}>
        <SmilePlusIcon className="size-4" aria-hidden="true" />
      </PopoverTrigger>
      <PopoverContent side="top" className="flex w-auto gap-0.5 rounded-full p-1.5">
        {EMOJIS.map((e) => (
          <button
            key={e}
            type="button"
            onClick={() => {
              setOpen(false);
              onReact(m, e === current ? "" : e);
            }}
            className={cn("flex size-9 items-center justify-center rounded-full text-xl transition-transform hover:scale-125 hover:bg-muted focus-visible:bg-muted focus-visible:outline-none", e === current && "bg-muted")}
            aria-label={e === current ? t("removeReaction") : t("reactWith", { emoji: e })}
            data-testid={`react-emoji-${e}`}
          >
            {e}
          </button>
        ))}
      </PopoverContent>
    </Popover>
  );
}

/**
 * A bubble's actions. With a mouse: reply and react buttons beside the bubble on hover or focus; everywhere (and
 * alone on touch screens, where hover does not exist): a menu with reply, reactions, copy, hide/show and — for
 * admins — retry of a failed send.
 */
export function MessageActions({ m, myReaction, handlers }: { m: ThreadMessage; myReaction: string | null; handlers: BubbleHandlers }) {
  const t = useTranslations("thread.actions");
  if (m.local) return null;
  const canQuote = !m.isPrivate;
  // WhatsApp only takes reactions to messages that went through it.
  const canReact = !m.isPrivate && m.status !== "FAILED" && m.status !== "PENDING";
  const canRetry = Boolean(handlers.onRetrySend) && m.direction === "OUTBOUND" && m.status === "FAILED" && !m.error?.permanent;
  const text = m.body ?? m.media?.caption ?? null;
  return (
    <div className="flex shrink-0 items-center gap-1 self-center opacity-0 transition-opacity group-focus-within:opacity-100 group-hover:opacity-100 [@media(hover:none)]:opacity-100">
      {canQuote && (
        <button type="button" className={cn(ROUND, "[@media(hover:none)]:hidden")} onClick={() => handlers.onReply(m)} aria-label={t("reply")} data-testid={`reply-${m.id}`}>
          <ReplyIcon className="size-4" aria-hidden="true" />
        </button>
      )}
      {canReact && (
        <span className="contents [@media(hover:none)]:hidden">
          <ReactButton m={m} current={myReaction} onReact={handlers.onReact} />
        </span>
      )}
      <DropdownMenu>
        <DropdownMenuTrigger className={ROUND} aria-label={t("more")} data-testid={`message-menu-${m.id}`}>
          <MoreVerticalIcon className="size-4" aria-hidden="true" />
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end">
          {canReact && (
            <div className="flex gap-0.5 px-1 pb-1" role="group" aria-label={t("react")}>
              {EMOJIS.map((e) => (
                <DropdownMenuItem
                  key={e}
                  onSelect={() => handlers.onReact(m, e === myReaction ? "" : e)}
                  className={cn("size-9 justify-center p-0 text-xl", e === myReaction && "bg-muted")}
                  aria-label={e === myReaction ? t("removeReaction") : t("reactWith", { emoji: e })}
                >
                  {e}
                </DropdownMenuItem>
              ))}
            </div>
          )}
          {canQuote && (
            <DropdownMenuItem onSelect={() => handlers.onReply(m)} data-testid={`reply-item-${m.id}`}>
              <ReplyIcon />
              {t("reply")}
            </DropdownMenuItem>
          )}
          {text && (
            <DropdownMenuItem onSelect={() => void navigator.clipboard?.writeText(text)} data-testid={`copy-${m.id}`}>
              <CopyIcon />
              {t("copy")}
            </DropdownMenuItem>
          )}
          <DropdownMenuItem onSelect={() => handlers.onToggleHide(m)} data-testid={`toggle-hide-${m.id}`}>
            {m.hidden ? <EyeIcon /> : <EyeOffIcon />}
            {t(m.hidden ? "unhide" : "hide")}
          </DropdownMenuItem>
          {canRetry && (
            <DropdownMenuItem onSelect={() => handlers.onRetrySend?.(m)} data-testid={`retry-send-${m.id}`}>
              <RotateCwIcon />
              {t("retry")}
            </DropdownMenuItem>
          )}
        </DropdownMenuContent>
      </DropdownMenu>
    </div>
  );
}
