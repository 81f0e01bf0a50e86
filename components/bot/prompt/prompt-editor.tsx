"use client";

import dynamic from "next/dynamic";
import { useEffect, useId, useState } from "react";
import { DiffIcon, SaveIcon, Undo2Icon } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { Spinner } from "@/components/ui/spinner";
import { toast } from "@/components/ui/sonner";
import { useErrorMessage, useFieldErrors } from "@/components/common/use-api-errors";
import { useUpdateConfig, type BotConfig } from "@/lib/client/bot";
import { cn } from "@/lib/utils";
import { BotPageHeader } from "../configs/bot-header";
import { ConfigGate } from "../configs/config-gate";
import type { DiffRequest } from "./prompt-diff-dialog";
import { VersionHistory } from "./version-history";

const PromptDiffDialog = dynamic(() => import("./prompt-diff-dialog").then((m) => m.PromptDiffDialog), { ssr: false });

export const PROMPT_MAX = 20_000;

/** /bot/prompt: the system prompt; each save is a new version, any version can be compared and restored. */
export function PromptPage() {
  return (
    <div className="flex flex-col gap-5">
      <BotPageHeader tab="prompt" />
      <ConfigGate>{(config) => <PromptWorkspace key={config.id} config={config} />}</ConfigGate>
    </div>
  );
}

function PromptWorkspace({ config }: { config: BotConfig }) {
  const [diff, setDiff] = useState<DiffRequest | null>(null);
  return (
    <div className="grid min-w-0 gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <PromptForm key={config.promptVersion} config={config} onDiff={setDiff} />
      <VersionHistory config={config} onDiff={setDiff} />
      <PromptDiffDialog request={diff} onClose={() => setDiff(null)} />
    </div>
  );
}

function PromptForm({ config, onDiff }: { config: BotConfig; onDiff: (d: DiffRequest) => void }) {
  const t = useTranslations("bot.prompt");
  const format = useFormatter();
  const id = useId();
  const update = useUpdateConfig();
  const errorMessage = useErrorMessage();
  const { errors, fromError, clear } = useFieldErrors();
  const [text, setText] = useState(config.systemPrompt);
  const [note, setNote] = useState("");
  const dirty = text !== config.systemPrompt;
  const over = text.length > PROMPT_MAX;

  // Leaving with unsaved edits asks first (the browser's own prompt).
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const save = () => {
    if (!dirty || over || update.isPending) return;
    update.mutate(
      { configId: config.id, body: { systemPrompt: text, ...(note.trim() ? { promptNote: note.trim() } : {}) } },
      {
        onSuccess: (c) => toast.success(t("saved", { version: c.promptVersion })),
        onError: (e) => !fromError(e) && toast.error(errorMessage(e)),
      },
    );
  };

  return (
    <form
      className="flex min-w-0 flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
      onKeyDown={(e) => {
        if ((e.metaKey || e.ctrlKey) && e.key.toLowerCase() === "s") {
          e.preventDefault();
          save();
        }
      }}
    >
      <div className="flex items-end justify-between gap-2">
        <Label htmlFor={id}>{t("label")}</Label>
        <span className={cn("text-xs tabular-nums text-muted-foreground", over && "font-medium text-destructive")} id={`${id}-count`} aria-live="polite" data-testid="prompt-char-count">
          {t("count", { count: format.number(text.length), max: format.number(PROMPT_MAX) })}
        </span>
      </div>
      <Textarea
        id={id}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          clear("systemPrompt");
        }}
        placeholder={t("placeholder")}
        aria-describedby={`${id}-count ${id}-help`}
        aria-invalid={over || Boolean(errors.systemPrompt) || undefined}
        spellCheck
        className="min-h-[22rem] font-mono text-[13px] leading-relaxed [field-sizing:fixed] lg:min-h-[28rem]"
        data-testid="prompt-textarea"
      />
      {errors.systemPrompt && (
        <p role="alert" className="text-xs font-medium text-destructive">
          {errors.systemPrompt}
        </p>
      )}
      <p id={`${id}-help`} className="text-xs text-muted-foreground">
        {t("help")}
      </p>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
        <Input value={note} onChange={(e) => setNote(e.target.value)} maxLength={200} placeholder={t("notePlaceholder")} aria-label={t("noteLabel")} className="sm:max-w-xs" data-testid="prompt-note" />
        <div className="flex flex-wrap items-center gap-2 sm:ml-auto">
          {dirty && (
            <>
              <Button variant="ghost" size="sm" onClick={() => onDiff({ oldText: config.systemPrompt, newText: text, oldLabel: t("savedLabel", { version: config.promptVersion }), newLabel: t("editsLabel") })} data-testid="prompt-view-changes">
                <DiffIcon />
                {t("viewChanges")}
              </Button>
              <Button variant="ghost" size="sm" onClick={() => setText(config.systemPrompt)} data-testid="prompt-discard">
                <Undo2Icon />
                {t("discard")}
              </Button>
            </>
          )}
          <Button type="submit" disabled={!dirty || over || update.isPending} data-testid="prompt-save">
            {update.isPending ? <Spinner label={t("saving")} /> : <SaveIcon />}
            {t("save")}
          </Button>
        </div>
      </div>
      {dirty && <p className="text-xs text-amber-700 dark:text-amber-300">{t("unsaved")}</p>}
    </form>
  );
}
