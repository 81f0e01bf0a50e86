"use client";

import { useState } from "react";
import dynamic from "next/dynamic";
import { BotIcon, EyeOffIcon, LockIcon, RotateCwIcon, Trash2Icon } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { Ticks } from "@/components/sandbox/ticks";
import { useErrorMessage } from "@/components/common/use-api-errors";
import type { ThreadMessage } from "@/lib/client/thread";
import { cn } from "@/lib/utils";
import { MessageActions, type BubbleHandlers } from "./message-actions";
import { MessageBody } from "./message-body";
import { isSystem } from "./thread-model";

// Only bot bubbles load it: the inbox's first load does not carry it.
const BotFeedback = dynamic(() => import("./bot-feedback").then((m) => m.BotFeedback), { ssr: false });

export type ThreadHandlers = BubbleHandlers & { onResend: (tempId: string) => void; onDiscard: (tempId: string) => void };
type Reaction = { customer: string | null; business: string | null };

function SystemRow({ m }: { m: ThreadMessage }) {
  return (
    <div className="my-1 flex justify-center" data-testid={`message-${m.id}`} data-type="system">
      <span className="max-w-[90%] rounded-md bg-white/90 px-2.5 py-1 text-center text-xs text-zinc-600 shadow-sm dark:bg-[#182229] dark:text-zinc-300">{m.body ?? "—"}</span>
    </div>
  );
}

function FailedLine({ m, handlers }: { m: ThreadMessage; handlers: ThreadHandlers }) {
  const t = useTranslations("thread.bubble");
  const errorMessage = useErrorMessage();
  const local = m.local;
  const reason = local ? errorMessage(local.error) : (m.error?.title ?? m.error?.details ?? (m.error?.code ? String(m.error.code) : t("unknownError")));
  return (
    <div className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 border-t border-red-200 pt-1 text-xs text-red-600 dark:border-red-900 dark:text-red-400" role="alert">
      <span className="min-w-0 flex-1">{t("failed", { reason })}</span>
      {local && (
        <>
          <button type="button" className="inline-flex items-center gap-1 font-medium underline-offset-2 hover:underline" onClick={() => handlers.onResend(local.tempId)} data-testid={`resend-${local.tempId}`}>
            <RotateCwIcon className="size-3" aria-hidden="true" />
            {t("resend")}
          </button>
          <button type="button" className="inline-flex items-center gap-1 underline-offset-2 hover:underline" onClick={() => handlers.onDiscard(local.tempId)} data-testid={`discard-${local.tempId}`}>
            <Trash2Icon className="size-3" aria-hidden="true" />
            {t("discard")}
          </button>
        </>
      )}
    </div>
  );
}

/** One message of the thread: customer left, business right, notes yellow, hidden ones collapsed behind "show". */
export function MessageBubble({
  m,
  reaction,
  mentionNames,
  handlers,
  onJumpTo,
}: {
  m: ThreadMessage;
  reaction: Reaction | undefined;
  mentionNames: (ids: string[]) => string[];
  handlers: ThreadHandlers;
  onJumpTo: (id: string) => void;
}) {
  const t = useTranslations("thread.bubble");
  const format = useFormatter();
  const [revealed, setRevealed] = useState(false);
  if (isSystem(m)) return <SystemRow m={m} />;
  const inbound = m.direction === "INBOUND";
  const testId = `message-${m.local?.tempId ?? m.id}`;
  if (m.hidden && !revealed) {
    return (
      <div className={cn("flex", inbound ? "justify-start" : "justify-end")} data-testid={testId} data-hidden="true">
        <button
          type="button"
          onClick={() => setRevealed(true)}
          className="inline-flex items-center gap-1.5 rounded-lg border border-dashed border-zinc-400/60 bg-white/50 px-2.5 py-1 text-xs text-zinc-600 hover:bg-white/80 dark:bg-white/5 dark:text-zinc-300"
          data-testid={`show-hidden-${m.id}`}
        >
          <EyeOffIcon className="size-3.5" aria-hidden="true" />
          {t("hidden")} · <span className="font-medium underline underline-offset-2">{t("show")}</span>
        </button>
      </div>
    );
  }
  const reactions = [reaction?.customer, reaction?.business].filter(Boolean);
  const author = m.isPrivate ? t("note", { name: m.sender?.name ?? "" }) : m.senderType === "BOT" ? t("bot") : !inbound && m.sender ? m.sender.name : null;
  return (
    <div className={cn("group flex w-full", inbound ? "justify-start" : "justify-end")} data-testid={testId} data-direction={m.direction} data-private={m.isPrivate || undefined} data-status={m.status}>
      <div className={cn("flex max-w-[92%] items-start gap-1.5 @2xl:max-w-[75%]", inbound ? "flex-row" : "flex-row-reverse")}>
        <div
          className={cn(
            "relative min-w-0 rounded-lg px-2.5 pt-1.5 pb-1 text-[14.2px] leading-[19px] text-zinc-900 shadow-[0_1px_0.5px_rgba(0,0,0,0.13)] dark:text-zinc-100",
            m.isPrivate
              ? "rounded-tr-none border border-amber-300 bg-amber-50 dark:border-amber-500/40 dark:bg-amber-950/60"
              : inbound
                ? "rounded-tl-none bg-white dark:bg-[#202c33]"
                : "rounded-tr-none bg-[#d9fdd3] dark:bg-[#005c4b]",
            m.hidden && "opacity-70",
            m.local?.state === "sending" && "opacity-80",
            reactions.length > 0 && "mb-4",
          )}
        >
          {author && (
            <p className={cn("mb-0.5 flex items-center gap-1 text-[11px] font-semibold", m.isPrivate ? "text-amber-800 dark:text-amber-300" : "text-emerald-700 dark:text-emerald-400")}>
              {m.isPrivate && <LockIcon className="size-3" aria-hidden="true" />}
              {m.senderType === "BOT" && <BotIcon className="size-3" aria-hidden="true" />}
              {author}
            </p>
          )}
          {m.replyTo && (
            <button
              type="button"
              onClick={() => onJumpTo(m.replyTo!.id)}
              className="mb-1 block w-full rounded-md border-l-4 border-emerald-500 bg-black/5 px-2 py-1 text-left text-xs hover:bg-black/10 dark:bg-white/5 dark:hover:bg-white/10"
              data-testid={`quote-${m.id}`}
            >
              <span className="line-clamp-2 text-zinc-600 dark:text-zinc-300">{m.replyTo.body ?? t("quotedMedia")}</span>
            </button>
          )}
          <MessageBody m={m} mentions={m.isPrivate ? mentionNames(m.mentions) : []} />
          <div className="-mb-0.5 flex items-center justify-end gap-1 pt-0.5 pl-6 text-[11px] text-zinc-500 dark:text-zinc-400">
            {m.hidden && (
              <button type="button" className="mr-auto underline-offset-2 hover:underline" onClick={() => setRevealed(false)} data-testid={`collapse-hidden-${m.id}`}>
                {t("collapse")}
              </button>
            )}
            {m.senderType === "BOT" && !inbound && !m.local && !m.isPrivate && <BotFeedback messageId={m.id} conversationId={m.conversationId} />}
            <time dateTime={m.createdAt} title={format.dateTime(new Date(m.createdAt), { dateStyle: "medium", timeStyle: "short" })}>
              {format.dateTime(new Date(m.createdAt), { hour: "2-digit", minute: "2-digit" })}
            </time>
            {!inbound && !m.isPrivate && <Ticks status={m.status as "PENDING" | "SENT" | "DELIVERED" | "READ" | "FAILED"} />}
          </div>
          {m.status === "FAILED" && <FailedLine m={m} handlers={handlers} />}
          {reactions.length > 0 && (
            <span
              className={cn("absolute -bottom-5 flex h-6 items-center gap-0.5 rounded-full border border-black/5 bg-white px-1.5 text-sm shadow-sm dark:border-white/10 dark:bg-[#202c33]", inbound ? "left-2" : "right-2")}
              data-testid={`reactions-${m.id}`}
              aria-label={t("reactions", { emojis: reactions.join(" ") })}
            >
              {reactions.join("")}
            </span>
          )}
        </div>
        <MessageActions m={m} myReaction={reaction?.business ?? null} handlers={handlers} />
      </div>
    </div>
  );
}
