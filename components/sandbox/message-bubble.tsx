"use client";

import { useState } from "react";
import { ListIcon, ReplyIcon, SmilePlusIcon } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import type { CustomerMessageInput, SandboxMessage } from "@/lib/client/sandbox";
import { cn } from "@/lib/utils";
import { ListPicker } from "./list-picker";
import { MessageContent } from "./message-content";
import { Ticks } from "./ticks";

const EMOJIS = ["👍", "❤️", "😂", "😮", "😢", "🙏"];

function ReactionPicker({ current, onPick }: { current: string | null; onPick: (emoji: string) => void }) {
  const t = useTranslations("sandbox.phone");
  const [open, setOpen] = useState(false);
  const pick = (emoji: string) => {
    setOpen(false);
    onPick(emoji);
  };
  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger
        className="flex size-7 items-center justify-center rounded-full bg-white/90 text-zinc-600 shadow-sm outline-none hover:text-zinc-900 focus-visible:ring-2 focus-visible:ring-emerald-500 dark:bg-zinc-800 dark:text-zinc-300"
        aria-label={t("react")}
        data-testid="sandbox-react"
      >
        <SmilePlusIcon className="size-4" aria-hidden="true" />
      </PopoverTrigger>
      <PopoverContent side="top" className="flex w-auto gap-0.5 rounded-full p-1.5">
        {EMOJIS.map((e) => (
          <button
            key={e}
            type="button"
            onClick={() => pick(e === current ? "" : e)}
            className={cn("flex size-9 items-center justify-center rounded-full text-xl transition-transform hover:scale-125 hover:bg-muted", e === current && "bg-muted")}
            aria-label={e === current ? t("removeReaction") : e}
            data-testid="sandbox-emoji"
          >
            {e}
          </button>
        ))}
      </PopoverContent>
    </Popover>
  );
}

/** Reply buttons, a list opener or a template's quick replies, under the bubble like WhatsApp draws them. */
function Actions({ m, onSend }: { m: SandboxMessage; onSend: (input: CustomerMessageInput, preview: string) => void }) {
  const [listOpen, setListOpen] = useState(false);
  const a = m.actions;
  if (!a) return null;
  const base =
    "flex min-h-9 w-full items-center justify-center gap-1.5 rounded-lg bg-white px-3 py-2 text-sm font-medium text-sky-600 shadow-[0_1px_0.5px_rgba(0,0,0,0.13)] outline-none hover:bg-zinc-50 focus-visible:ring-2 focus-visible:ring-emerald-500 dark:bg-[#202c33] dark:text-sky-400 dark:hover:bg-[#26353d]";
  if (a.kind === "list") {
    return (
      <>
        <button type="button" className={base} onClick={() => setListOpen(true)} data-testid="sandbox-list-open">
          <ListIcon className="size-4" aria-hidden="true" />
          {a.button}
        </button>
        <ListPicker
          open={listOpen}
          setOpen={setListOpen}
          title={a.button}
          sections={a.sections}
          onPick={(row) => onSend({ type: "list_reply", messageId: m.id, rowId: row.id }, row.title)}
        />
      </>
    );
  }
  const buttons =
    a.kind === "buttons"
      ? a.buttons.map((b) => ({ key: b.id, title: b.title, input: { type: "button_reply" as const, messageId: m.id, buttonId: b.id } }))
      : a.buttons.map((b, index) => ({ key: String(index), title: b.text, input: { type: "quick_reply" as const, messageId: m.id, index } }));
  return (
    <div className="flex flex-col gap-1">
      {buttons.map((b) => (
        <button key={b.key} type="button" className={base} onClick={() => onSend(b.input, b.title)} data-testid="sandbox-reply-button">
          <ReplyIcon className="size-3.5" aria-hidden="true" />
          {b.title}
        </button>
      ))}
    </div>
  );
}

export function MessageBubble({
  m,
  businessName,
  onSend,
  onReply,
}: {
  m: SandboxMessage;
  businessName: string;
  onSend: (input: CustomerMessageInput, preview: string | null) => void;
  onReply: (m: SandboxMessage) => void;
}) {
  const t = useTranslations("sandbox.phone");
  const format = useFormatter();
  const mine = m.from === "customer";
  const reactions = [m.reactions.business, m.reactions.customer].filter(Boolean);
  return (
    <div className={cn("group flex w-full flex-col gap-1", mine ? "items-end" : "items-start")} data-testid="sandbox-message" data-from={m.from} data-message-id={m.id}>
      <div className={cn("relative flex max-w-[85%] items-center gap-1.5", mine ? "flex-row-reverse" : "flex-row")}>
        <div
          className={cn(
            "relative rounded-lg px-2.5 pt-1.5 pb-1 text-[14.2px] leading-[19px] text-zinc-900 shadow-[0_1px_0.5px_rgba(0,0,0,0.13)] dark:text-zinc-100",
            mine ? "rounded-tr-none bg-[#d9fdd3] dark:bg-[#005c4b]" : "rounded-tl-none bg-white dark:bg-[#202c33]",
            reactions.length > 0 && "mb-4",
          )}
        >
          {m.replyTo && (
            <div className="mb-1 rounded-md border-l-4 border-emerald-500 bg-black/5 px-2 py-1 text-xs dark:bg-white/5">
              <p className="font-medium text-emerald-700 dark:text-emerald-400">{mine ? businessName : t("you")}</p>
              <p className="line-clamp-2 text-zinc-600 dark:text-zinc-300">{m.replyTo.body ?? "…"}</p>
            </div>
          )}
          <MessageContent m={m} />
          <div className="-mb-0.5 flex items-center justify-end gap-1 pt-0.5 pl-6 text-[11px] text-zinc-500 dark:text-zinc-400">
            <time dateTime={m.createdAt}>{format.dateTime(new Date(m.createdAt), { hour: "2-digit", minute: "2-digit" })}</time>
            <Ticks status={m.status} />
          </div>
          {m.error && (
            <p className="mt-1 border-t border-red-200 pt-1 text-xs text-red-600 dark:border-red-900 dark:text-red-400" data-testid="sandbox-error">
              {t("failed", { reason: m.error.title ?? String(m.error.code ?? "") })}
            </p>
          )}
          {reactions.length > 0 && (
            <span
              className={cn("absolute -bottom-5 flex h-6 items-center gap-0.5 rounded-full border border-black/5 bg-white px-1.5 text-sm shadow-sm dark:border-white/10 dark:bg-[#202c33]", mine ? "right-2" : "left-2")}
              data-testid="sandbox-reactions"
            >
              {reactions.join("")}
            </span>
          )}
        </div>
        {!mine && m.wamid && (
          <div className="flex flex-col gap-1 opacity-0 transition-opacity group-focus-within:opacity-100 group-hover:opacity-100 [@media(hover:none)]:opacity-100">
            <ReactionPicker current={m.reactions.customer} onPick={(emoji) => onSend({ type: "reaction", messageId: m.id, emoji }, null)} />
            <button
              type="button"
              onClick={() => onReply(m)}
              className="flex size-7 items-center justify-center rounded-full bg-white/90 text-zinc-600 shadow-sm outline-none hover:text-zinc-900 focus-visible:ring-2 focus-visible:ring-emerald-500 dark:bg-zinc-800 dark:text-zinc-300"
              aria-label={t("reply")}
            >
              <ReplyIcon className="size-4" aria-hidden="true" />
            </button>
          </div>
        )}
      </div>
      {!mine && m.actions && (
        <div className="w-[min(85%,280px)]">
          <Actions m={m} onSend={onSend} />
        </div>
      )}
    </div>
  );
}
