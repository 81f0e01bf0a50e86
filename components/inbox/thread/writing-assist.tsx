"use client";

import { useEffect, useId, useRef, type RefObject } from "react";
import { CheckIcon, RotateCwIcon, SparklesIcon, XIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { useErrorMessage } from "@/components/common/use-api-errors";
import { useCan } from "@/lib/client/me";
import { useSuggestion, useWritingAssistConfig, type WritingAssistConfig } from "./use-writing-assist";

type Props = {
  conversationId: string;
  /** The draft so far: the suggestion continues or rewrites it. */
  text: string;
  /** The composer's textarea: Ctrl/Cmd+J asks, Tab accepts, Escape dismisses while a suggestion is shown. */
  inputRef: RefObject<HTMLTextAreaElement | null>;
  onAccept: (text: string) => void;
};

/**
 * Why writing assist cannot be used, when it is the organization's setup (an admin can fix it); null when it is usable
 * or when the agent turned it off for themselves (then the button simply is not there).
 */
function setupProblem(config: WritingAssistConfig, t: (key: "off" | "noProvider") => string): string | null {
  if (config.available || !config.user.enabled) return null;
  if (!config.org.enabled) return t("off");
  return config.reason || t("noProvider");
}

/**
 * "✨ Suggest" for the reply composer: streams a suggested reply the agent can accept (it replaces the draft), edit
 * first, or dismiss. Loaded lazily by the composer, so none of this weighs on the inbox's first load.
 */
export function WritingAssist({ conversationId, text, inputRef, onAccept }: Props) {
  const t = useTranslations("writingAssist");
  const errorMessage = useErrorMessage();
  const isAdmin = useCan("bot.manage");
  const config = useWritingAssistConfig();
  const { state, start, dismiss, edit } = useSuggestion(conversationId);
  const boxId = useId();
  const boxRef = useRef<HTMLTextAreaElement>(null);
  const usable = config.data?.available === true;
  const reason = config.data ? setupProblem(config.data, (k) => t(`unavailable.${k}`)) : null;
  const busy = state.status === "streaming";
  const shown = state.status !== "idle";
  const ready = state.status === "done" && state.text.trim() !== "";

  const accept = (value: string) => {
    onAccept(value);
    dismiss();
  };
  const latest = useRef({ text, usable, busy, shown, ready, suggestion: "", accept });
  useEffect(() => {
    latest.current = { text, usable, busy, shown, ready, suggestion: state.status === "done" ? state.text : "", accept };
  });

  // Native listeners on the textarea run before the composer's own React key handler.
  useEffect(() => {
    const el = inputRef.current;
    if (!el) return;
    const onKey = (e: KeyboardEvent) => {
      const s = latest.current;
      if (e.isComposing) return;
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "j") {
        e.preventDefault();
        if (s.usable && !s.busy) void start(s.text);
        return;
      }
      // The composer's own "/" and "@" pickers own Tab and Escape while they are open.
      if (!s.shown || el.getAttribute("aria-expanded") === "true") return;
      if (e.key === "Tab" && !e.shiftKey && s.ready) {
        e.preventDefault();
        e.stopPropagation();
        s.accept(s.suggestion);
      } else if (e.key === "Escape") {
        e.preventDefault();
        e.stopPropagation();
        dismiss();
      }
    };
    el.addEventListener("keydown", onKey);
    return () => el.removeEventListener("keydown", onKey);
  }, [inputRef, start, dismiss]);

  if (config.isPending || config.isError) return null;
  if (!usable && !(isAdmin && reason)) return null;

  const trigger = (
    <Button
      type="button"
      variant="ghost"
      size="sm"
      className="h-7 px-2 text-xs"
      disabled={!usable || busy}
      onClick={() => void start(text)}
      aria-keyshortcuts="Control+J Meta+J"
      aria-controls={shown ? boxId : undefined}
      data-testid="writing-assist-button"
    >
      {busy ? <Spinner label={t("writing")} /> : <SparklesIcon aria-hidden="true" />}
      {t("suggest")}
    </Button>
  );

  return (
    <div className="flex flex-col gap-1.5" data-testid="writing-assist">
      {shown && (
        <div className="rounded-lg border border-violet-300 bg-violet-50/70 p-2 dark:border-violet-500/40 dark:bg-violet-950/30" data-testid="writing-assist-box">
          <label htmlFor={boxId} className="mb-1 flex items-center gap-1.5 text-[11px] font-medium text-violet-800 dark:text-violet-300">
            <SparklesIcon className="size-3" aria-hidden="true" />
            {busy ? t("writing") : t("suggestion")}
          </label>
          {state.status === "error" ? (
            <p role="alert" className="text-sm text-destructive" data-testid="writing-assist-error">
              {errorMessage(state.error)}
            </p>
          ) : (
            <textarea
              id={boxId}
              ref={boxRef}
              value={state.text}
              readOnly={busy}
              aria-busy={busy}
              onChange={(e) => edit(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === "Escape") {
                  e.preventDefault();
                  dismiss();
                  inputRef.current?.focus();
                } else if (e.key === "Enter" && (e.ctrlKey || e.metaKey) && ready) {
                  e.preventDefault();
                  accept(state.text);
                }
              }}
              rows={2}
              className="field-sizing-content max-h-40 w-full resize-none bg-transparent text-sm outline-none focus-visible:ring-0"
              data-testid="writing-assist-text"
            />
          )}
          <div className="mt-1.5 flex flex-wrap items-center gap-1.5">
            {state.status !== "error" && (
              <Button type="button" size="sm" className="h-7 px-2 text-xs" disabled={!ready} onClick={() => accept(state.status === "done" ? state.text : "")} data-testid="writing-assist-accept">
                <CheckIcon aria-hidden="true" />
                {t("accept")}
              </Button>
            )}
            <Button type="button" variant="ghost" size="sm" className="h-7 px-2 text-xs" disabled={busy} onClick={() => void start(text)} data-testid="writing-assist-retry">
              <RotateCwIcon aria-hidden="true" />
              {t("again")}
            </Button>
            <Button type="button" variant="ghost" size="sm" className="h-7 px-2 text-xs" onClick={() => (dismiss(), inputRef.current?.focus())} data-testid="writing-assist-dismiss">
              <XIcon aria-hidden="true" />
              {t("dismiss")}
            </Button>
            <span className="ml-auto hidden text-[11px] text-muted-foreground sm:inline">{t("keys")}</span>
          </div>
        </div>
      )}
      {!shown && (
        <div className="flex items-center justify-end">
          {usable ? (
            <Tooltip>
              <TooltipTrigger asChild>{trigger}</TooltipTrigger>
              <TooltipContent>{t("shortcut")}</TooltipContent>
            </Tooltip>
          ) : (
            <div className="flex items-center gap-2 text-[11px] text-muted-foreground" data-testid="writing-assist-unavailable">
              <span className="truncate">{reason}</span>
              {trigger}
            </div>
          )}
        </div>
      )}
    </div>
  );
}
