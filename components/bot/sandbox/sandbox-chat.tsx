"use client";

import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { BotIcon, RotateCcwIcon, SendHorizontalIcon, SparklesIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Textarea } from "@/components/ui/textarea";
import { Spinner } from "@/components/ui/spinner";
import { useErrorMessage } from "@/components/common/use-api-errors";
import { useSandboxTurn, type BotConfig, type BotTurn, type ChatTurn } from "@/lib/client/bot";
import { cn } from "@/lib/utils";
import { BotPageHeader } from "../configs/bot-header";
import { ConfigGate } from "../configs/config-gate";
import { OutcomeBadge, TurnDetails } from "./turn-details";

type Entry = { id: number; role: "user"; text: string } | { id: number; role: "bot"; turn: BotTurn } | { id: number; role: "error"; text: string; retry: string };

/** The API keeps at most 20 previous turns. */
const HISTORY_LIMIT = 20;

export function historyOf(entries: Entry[]): ChatTurn[] {
  const turns: ChatTurn[] = [];
  for (const e of entries) {
    if (e.role === "user") turns.push({ role: "user", content: e.text });
    else if (e.role === "bot" && e.turn.reply) turns.push({ role: "assistant", content: e.turn.reply });
  }
  return turns.slice(-HISTORY_LIMIT);
}

/** /bot/sandbox: chat as a customer with the config being edited; nothing is sent to WhatsApp. */
export function SandboxPage() {
  return (
    <div className="flex flex-col gap-5">
      <BotPageHeader tab="sandbox" />
      <ConfigGate>{(config) => <SandboxChat key={config.id} config={config} />}</ConfigGate>
    </div>
  );
}

function SandboxChat({ config }: { config: BotConfig }) {
  const t = useTranslations("bot.sandbox");
  const inputId = useId();
  const send = useSandboxTurn();
  const errorMessage = useErrorMessage();
  const [entries, setEntries] = useState<Entry[]>([]);
  const [text, setText] = useState("");
  const nextId = useRef(1);
  const logRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    const el = logRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [entries, send.isPending]);

  const ask = (message: string, base: Entry[]) => {
    const history = historyOf(base);
    const withUser: Entry[] = [...base, { id: nextId.current++, role: "user", text: message }];
    setEntries(withUser);
    send.mutate(
      { message, history, configId: config.id },
      {
        onSuccess: (turn) => setEntries((cur) => [...cur, { id: nextId.current++, role: "bot", turn }]),
        onError: (e) => setEntries((cur) => [...cur, { id: nextId.current++, role: "error", text: errorMessage(e), retry: message }]),
      },
    );
  };

  const onSubmit = (e?: FormEvent) => {
    e?.preventDefault();
    const message = text.trim();
    if (!message || send.isPending) return;
    setText("");
    ask(message, entries);
    inputRef.current?.focus();
  };

  // Retrying drops the failed exchange and asks the same thing again.
  const retry = (entry: Extract<Entry, { role: "error" }>) => {
    const index = entries.findIndex((x) => x.id === entry.id);
    ask(entry.retry, entries.slice(0, Math.max(0, index - 1)));
  };

  const reset = () => {
    send.reset();
    setEntries([]);
    setText("");
    inputRef.current?.focus();
  };

  return (
    <div className="flex min-w-0 flex-col gap-3" data-testid="sandbox">
      {!config.aiConfigured && (
        <Alert data-testid="sandbox-offline-note">
          <SparklesIcon />
          <AlertTitle>{t("offlineTitle")}</AlertTitle>
          <AlertDescription>{t("offlineText")}</AlertDescription>
        </Alert>
      )}
      <div className="flex flex-col overflow-hidden rounded-lg border bg-card">
        <div className="flex items-center gap-2 border-b px-3 py-2">
          <BotIcon className="size-4 text-muted-foreground" aria-hidden="true" />
          <span className="min-w-0 flex-1 truncate text-sm font-medium">{config.name}</span>
          <Badge variant={config.status === "ACTIVE" ? "success" : "muted"}>{config.status === "ACTIVE" ? t("active") : t("draft")}</Badge>
          <Button variant="ghost" size="sm" onClick={reset} disabled={!entries.length && !send.isPending} data-testid="sandbox-reset">
            <RotateCcwIcon />
            <span className="hidden sm:inline">{t("reset")}</span>
            <span className="sr-only sm:hidden">{t("reset")}</span>
          </Button>
        </div>
        <div
          ref={logRef}
          role="log"
          aria-live="polite"
          aria-label={t("logLabel")}
          className="flex h-[min(60dvh,36rem)] flex-col gap-3 overflow-y-auto bg-muted/30 p-3 sm:p-4"
          data-testid="sandbox-log"
        >
          {entries.length === 0 && !send.isPending ? (
            <EmptyState icon={BotIcon} className="my-auto" title={t("emptyTitle")} description={config.welcomeMessage ? t("emptyWelcome", { welcome: config.welcomeMessage }) : t("emptyText")} />
          ) : (
            entries.map((entry) =>
              entry.role === "user" ? (
                <div key={entry.id} className="ml-auto max-w-[85%] rounded-2xl rounded-br-sm bg-primary px-3 py-2 text-sm whitespace-pre-wrap text-primary-foreground" data-testid="sandbox-user-message">
                  {entry.text}
                </div>
              ) : entry.role === "bot" ? (
                <BotBubble key={entry.id} turn={entry.turn} />
              ) : (
                <div key={entry.id} role="alert" className="max-w-[85%] rounded-2xl rounded-bl-sm border border-destructive/40 bg-card px-3 py-2 text-sm" data-testid="sandbox-error">
                  <p className="text-destructive">{entry.text}</p>
                  <Button variant="link" size="sm" className="h-auto px-0" onClick={() => retry(entry)} disabled={send.isPending}>
                    {t("retry")}
                  </Button>
                </div>
              ),
            )
          )}
          {send.isPending && (
            <div className="flex max-w-[85%] items-center gap-2 rounded-2xl rounded-bl-sm bg-card px-3 py-2 text-sm text-muted-foreground shadow-xs" data-testid="sandbox-typing">
              <Spinner label={t("thinking")} />
              {t("thinking")}
            </div>
          )}
        </div>
        <form onSubmit={onSubmit} className="flex items-end gap-2 border-t p-2 sm:p-3">
          <label htmlFor={inputId} className="sr-only">
            {t("inputLabel")}
          </label>
          <Textarea
            ref={inputRef}
            id={inputId}
            rows={1}
            maxLength={4000}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
                e.preventDefault();
                onSubmit();
              }
            }}
            placeholder={t("placeholder")}
            className="max-h-40 min-h-9 resize-none"
            data-testid="sandbox-input"
          />
          <Button type="submit" size="icon" disabled={!text.trim() || send.isPending} aria-label={t("send")} data-testid="sandbox-send">
            <SendHorizontalIcon />
          </Button>
        </form>
      </div>
      <p className="text-xs text-muted-foreground">{t("footnote")}</p>
    </div>
  );
}

function BotBubble({ turn }: { turn: BotTurn }) {
  const t = useTranslations("bot.sandbox");
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  return (
    <div className="flex max-w-[92%] flex-col gap-1.5 sm:max-w-[85%]" data-testid="sandbox-turn" data-outcome={turn.outcome}>
      {turn.reply && (
        <div className="rounded-2xl rounded-bl-sm bg-card px-3 py-2 text-sm whitespace-pre-wrap shadow-xs" data-testid="sandbox-reply">
          {turn.reply}
        </div>
      )}
      {turn.media.map((m) => (
        <MediaBubble key={m.mediaId} media={m} />
      ))}
      {!turn.reply && !turn.media.length && <div className="rounded-2xl rounded-bl-sm border border-dashed px-3 py-2 text-sm text-muted-foreground" data-testid="sandbox-reply">{t("noReply")}</div>}
      <div className="flex flex-wrap items-center gap-2">
        <OutcomeBadge outcome={turn.outcome} />
        {turn.intent && <span className="text-xs text-muted-foreground">{t("matched", { name: turn.intent.name })}</span>}
        <button
          type="button"
          aria-expanded={open}
          aria-controls={detailsId}
          onClick={() => setOpen((o) => !o)}
          className={cn("rounded text-xs font-medium text-primary underline-offset-4 outline-none hover:underline focus-visible:ring-2 focus-visible:ring-ring")}
          data-testid="sandbox-why-toggle"
        >
          {open ? t("hideWhy") : t("why")}
        </button>
      </div>
      {open && (
        <div id={detailsId}>
          <TurnDetails turn={turn} />
        </div>
      )}
    </div>
  );
}

function MediaBubble({ media }: { media: BotTurn["media"][number] }) {
  const t = useTranslations("bot.sandbox");
  if (media.kind === "IMAGE")
    // eslint-disable-next-line @next/next/no-img-element -- an authenticated API file, not a static asset
    return <img src={media.url} alt={t("mediaAlt")} className="max-h-64 w-auto max-w-full rounded-xl border object-contain" data-testid="sandbox-media" />;
  if (media.kind === "VIDEO") return <video src={media.url} controls className="max-h-64 max-w-full rounded-xl border" data-testid="sandbox-media" />;
  if (media.kind === "AUDIO") return <audio src={media.url} controls className="max-w-full" data-testid="sandbox-media" />;
  return (
    <a href={media.url} target="_blank" rel="noreferrer" className="w-fit rounded-xl border bg-card px-3 py-2 text-sm underline-offset-4 hover:underline" data-testid="sandbox-media">
      {t("openFile")}
    </a>
  );
}
