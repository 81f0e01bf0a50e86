"use client";

import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import dynamic from "next/dynamic";
import { LockIcon, MessageSquareIcon, PaperclipIcon, SendHorizontalIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useErrorMessage } from "@/components/common/use-api-errors";
import { toast } from "@/components/ui/sonner";
import type { Conversation } from "@/lib/client/conversations";
import { useMe } from "@/lib/client/me";
import { useQuickReplies, type QuickReply } from "@/lib/client/quick-replies";
import { useSendMessage, type ThreadMessage } from "@/lib/client/thread";
import { fillPlaceholders } from "@/lib/inbox/placeholders";
import { cn } from "@/lib/utils";
import { previewOf } from "../thread-model";
import { AttachmentPreview, QuotePreview } from "./composer-bits";
import { SuggestionList, type Trigger } from "./suggestions";
import { useDraft, type ComposerMode } from "./use-draft";
import { usePickers, type MentionCandidate } from "./use-pickers";
import { useWindowRemaining, WindowCountdown } from "./window-countdown";

// Only needed once the 24-hour window has closed: loaded then, not with the inbox.
const TemplatePicker = dynamic(() => import("./template-picker").then((m) => m.TemplatePicker), { ssr: false });
// Writing assist (config query, streaming, suggestion box) stays out of the inbox's first-load JS.
const WritingAssist = dynamic(() => import("../writing-assist").then((m) => m.WritingAssist), { ssr: false });

const ACCEPT = "image/jpeg,image/png,video/mp4,video/3gpp,audio/aac,audio/amr,audio/mpeg,audio/mp4,audio/ogg,application/pdf,text/plain,.doc,.docx,.xls,.xlsx,.ppt,.pptx";
const IDLE_MS = 4_000;

type Props = {
  conversation: Conversation;
  quote: ThreadMessage | null;
  onCancelQuote: () => void;
  people: MentionCandidate[];
  /** Typing started or stopped, and in which mode (the customer only hears of replies, agents of both). */
  onTyping: (typing: boolean, mode: ComposerMode) => void;
};

async function quickReplyFile(media: NonNullable<QuickReply["media"]>) {
  const res = await fetch(media.url, { credentials: "same-origin" });
  if (!res.ok) throw new Error(`media ${res.status}`);
  return new File([await res.blob()], media.filename ?? "attachment", { type: media.mimeType });
}

/**
 * Reply or internal note. Enter sends, Shift+Enter breaks the line, "/" inserts a quick reply, "@" mentions someone
 * in a note. Outside the 24-hour window a reply can only be a template, so the input turns into the template picker.
 */
export function Composer({ conversation, quote, onCancelQuote, people, onTyping }: Props) {
  const t = useTranslations("thread.composer");
  const me = useMe();
  const errorMessage = useErrorMessage();
  const listId = useId();
  const [draft, setDraft] = useDraft(conversation.id);
  const { text, mode } = draft;
  const [file, setFile] = useState<File | null>(null);
  const [caret, setCaret] = useState(0);
  const input = useRef<HTMLTextAreaElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const idle = useRef<ReturnType<typeof setTimeout> | null>(null);
  const remaining = useWindowRemaining(conversation.windowExpiresAt);
  const { send } = useSendMessage(conversation.id);
  const quickReplies = useQuickReplies();
  const note = mode === "note";
  const windowClosed = remaining <= 0;

  const setText = (next: string, nextCaret = next.length) => {
    setDraft((d) => ({ ...d, text: next }));
    setCaret(nextCaret);
    requestAnimationFrame(() => {
      input.current?.focus();
      input.current?.setSelectionRange(nextCaret, nextCaret);
    });
  };
  const replace = (trigger: Trigger, insert: string) => setText(text.slice(0, trigger.start) + insert + text.slice(trigger.end), trigger.start + insert.length);
  const insertQuickReply = (reply: QuickReply, trigger: Trigger) => {
    const contact = conversation.contact;
    const body = fillPlaceholders(reply.body, {
      contactName: contact.name ?? contact.profileName,
      phone: contact.waId,
      agentName: me.user?.name ?? null,
      orgName: me.organization.name,
    });
    replace(trigger, body);
    if (reply.media && !note) {
      quickReplyFile(reply.media)
        .then(setFile)
        .catch(() => toast.error(t("mediaFailed")));
    }
  };
  const pickers = usePickers({ text, caret, noteMode: note, quickReplies: quickReplies.data ?? [], people, replace, onQuickReply: insertQuickReply });

  const stopTyping = () => {
    if (idle.current) clearTimeout(idle.current);
    idle.current = null;
    onTyping(false, mode);
  };
  useEffect(() => () => void (idle.current && clearTimeout(idle.current)), []);
  // Choosing "reply" on a bubble means writing now.
  useEffect(() => {
    if (quote) input.current?.focus();
  }, [quote]);

  const onChange = (value: string, at: number) => {
    setDraft((d) => ({ ...d, text: value }));
    setCaret(at);
    if (!value.trim()) return stopTyping();
    onTyping(true, mode);
    if (idle.current) clearTimeout(idle.current);
    idle.current = setTimeout(stopTyping, IDLE_MS);
  };

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    const body = text.trim();
    if (!body && !(file && !note)) return;
    const replyTo = quote && !note ? { id: quote.id, body: previewOf(quote) } : null;
    const sending = note
      ? send({ kind: "note", body, mentions: people.filter((p) => body.includes(`@${p.name}`)).map((p) => p.id) })
      : file
        ? send({ kind: "media", file, caption: body, replyTo })
        : send({ kind: "text", text: body, replyTo });
    sending.catch((err: unknown) => toast.error(errorMessage(err)));
    setDraft((d) => ({ ...d, text: "" }));
    setFile(null);
    if (!note) onCancelQuote();
    stopTyping();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.nativeEvent.isComposing) return;
    if (pickers.onKey(e.key)) return e.preventDefault();
    if (e.key === "Enter" && !e.shiftKey) {
      e.preventDefault();
      submit();
    }
  };

  const setMode = (next: ComposerMode) => {
    setDraft((d) => ({ ...d, mode: next }));
    requestAnimationFrame(() => input.current?.focus());
  };
  const toggleClass = (on: boolean) =>
    cn(
      "inline-flex h-7 items-center gap-1.5 rounded-md px-2.5 text-xs font-medium transition-colors focus-visible:ring-2 focus-visible:ring-ring/50 focus-visible:outline-none",
      on ? "bg-background text-foreground shadow-sm" : "text-muted-foreground hover:text-foreground",
    );
  const showTemplates = !note && windowClosed;

  return (
    <div className={cn("border-t bg-background", note && "bg-amber-50/60 dark:bg-amber-950/20")} data-testid="composer">
      <div className="flex flex-wrap items-center justify-between gap-2 px-3 pt-2">
        <div className="inline-flex rounded-lg bg-muted p-0.5" role="group" aria-label={t("mode")}>
          <button type="button" className={toggleClass(!note)} aria-pressed={!note} onClick={() => setMode("reply")} data-testid="composer-reply-toggle">
            <MessageSquareIcon className="size-3.5" aria-hidden="true" />
            {t("reply")}
          </button>
          <button type="button" className={cn(toggleClass(note), note && "text-amber-800 dark:text-amber-300")} aria-pressed={note} onClick={() => setMode("note")} data-testid="composer-note-toggle">
            <LockIcon className="size-3.5" aria-hidden="true" />
            {t("note")}
          </button>
        </div>
        {note ? (
          <span className="text-[11px] text-amber-800 dark:text-amber-300">{t("noteHint")}</span>
        ) : windowClosed ? (
          <span className="text-[11px] font-medium text-red-600 dark:text-red-400" data-testid="window-closed">
            {t("windowClosed")}
          </span>
        ) : (
          <WindowCountdown remaining={remaining} />
        )}
      </div>
      {showTemplates ? (
        <TemplatePicker conversationId={conversation.id} />
      ) : (
        <form onSubmit={submit} className="relative flex flex-col gap-2 p-2 @lg:px-3">
          {quote && !note && <QuotePreview text={previewOf(quote) ?? t("quotedMedia")} onCancel={onCancelQuote} />}
          {file && !note && <AttachmentPreview file={file} onRemove={() => setFile(null)} />}
          {!note && <WritingAssist conversationId={conversation.id} text={text} inputRef={input} onAccept={(s: string) => setText(s)} />}
          {pickers.open && (
            <SuggestionList
              id={listId}
              label={pickers.kind === "@" ? t("mentionsLabel") : t("quickRepliesLabel")}
              items={pickers.items}
              active={pickers.active}
              onPick={pickers.pick}
              onHover={pickers.setActive}
              empty={pickers.kind === "@" ? t("noPeople") : quickReplies.isLoading ? t("loading") : t("noQuickReplies")}
            />
          )}
          <div className="flex items-end gap-1.5">
            {!note && (
              <>
                <button
                  type="button"
                  onClick={() => fileInput.current?.click()}
                  className="flex size-10 shrink-0 items-center justify-center rounded-full text-muted-foreground hover:bg-muted hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring/50 focus-visible:outline-none"
                  aria-label={t("attach")}
                  data-testid="composer-attach"
                >
                  <PaperclipIcon className="size-5" aria-hidden="true" />
                </button>
                <input ref={fileInput} type="file" accept={ACCEPT} className="hidden" onChange={(e) => {
                    setFile(e.target.files?.[0] ?? null);
                    e.target.value = "";
                  }} data-testid="composer-file" />
              </>
            )}
            <textarea
              ref={input}
              value={text}
              rows={1}
              onChange={(e) => onChange(e.target.value, e.target.selectionStart)}
              onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
              onKeyDown={onKeyDown}
              onBlur={stopTyping}
              maxLength={4096}
              placeholder={note ? t("notePlaceholder") : t("placeholder")}
              aria-label={note ? t("notePlaceholder") : t("placeholder")}
              role="combobox"
              aria-expanded={pickers.open}
              aria-controls={pickers.open ? listId : undefined}
              aria-activedescendant={pickers.open && pickers.items.length ? `${listId}-${pickers.active}` : undefined}
              aria-autocomplete="list"
              className={cn(
                "field-sizing-content max-h-40 min-h-10 min-w-0 flex-1 resize-none rounded-2xl border bg-background px-3.5 py-2 text-sm outline-none placeholder:text-muted-foreground focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50 dark:bg-input/30",
                note && "border-amber-300 bg-amber-50 dark:border-amber-500/40 dark:bg-amber-950/40",
              )}
              data-testid="composer-input"
            />
            <button
              type="submit"
              disabled={!text.trim() && !(file && !note)}
              className={cn(
                "flex size-10 shrink-0 items-center justify-center rounded-full text-white transition-colors focus-visible:ring-2 focus-visible:ring-offset-2 focus-visible:outline-none disabled:opacity-50",
                note ? "bg-amber-600 hover:bg-amber-700 focus-visible:ring-amber-500" : "bg-emerald-600 hover:bg-emerald-700 focus-visible:ring-emerald-500",
              )}
              aria-label={note ? t("addNote") : t("send")}
              data-testid="composer-send"
            >
              <SendHorizontalIcon className="size-5" aria-hidden="true" />
            </button>
          </div>
          <p className="hidden px-1 text-[11px] text-muted-foreground @lg:block">{note ? t("noteKeys") : t("keys")}</p>
        </form>
      )}
    </div>
  );
}
