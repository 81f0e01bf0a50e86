"use client";

import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { Switch } from "@/components/ui/switch";
import { toast } from "@/components/ui/sonner";
import { ErrorState } from "@/components/common/error-state";
import { useErrorMessage, useFieldErrors } from "@/components/common/use-api-errors";
import { useBotMode, useSetBotMode, type BotMode } from "@/lib/client/bot";
import { cn } from "@/lib/utils";
import { BotEnabledSwitch } from "./bot-enabled-switch";
import { Section } from "./config-settings-form";

/** Organization-wide switches (not per config): each one saves as soon as it changes. */
export function ModeCard() {
  const t = useTranslations("bot.mode");
  const mode = useBotMode();
  return (
    <Section title={t("title")} description={t("text")} testId="bot-mode">
      <BotEnabledSwitch testId="settings-bot-enabled" />
      {mode.isPending ? (
        <Skeleton className="h-32 w-full" />
      ) : mode.isError ? (
        <ErrorState error={mode.error} onRetry={() => void mode.refetch()} />
      ) : (
        <ModeForm key={mode.data.externalWebhookUrl ?? ""} mode={mode.data} />
      )}
    </Section>
  );
}

function ModeForm({ mode }: { mode: BotMode }) {
  const t = useTranslations("bot.mode");
  const set = useSetBotMode();
  const errorMessage = useErrorMessage();
  const { errors, fromError, clear } = useFieldErrors();
  const [url, setUrl] = useState(mode.externalWebhookUrl ?? "");
  const save = (patch: Partial<BotMode>, done?: string) =>
    set.mutate(patch, {
      onSuccess: () => toast.success(done ?? t("saved")),
      onError: (e) => !fromError(e) && toast.error(errorMessage(e)),
    });

  return (
    <div className="grid gap-4">
      <Toggle label={t("answerNew")} hint={t("answerNewHelp")} checked={mode.answerNewConversations} disabled={set.isPending} onChange={(v) => save({ answerNewConversations: v })} testId="mode-answer-new" />
      <Toggle label={t("lowConfidence")} hint={t("lowConfidenceHelp")} checked={mode.handoffOnLowConfidence} disabled={set.isPending} onChange={(v) => save({ handoffOnLowConfidence: v })} testId="mode-handoff-low-confidence" />
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">{t("engine")}</legend>
        <div role="radiogroup" className="grid gap-2 sm:grid-cols-2">
          {(["BUILTIN", "EXTERNAL"] as const).map((engine) => (
            <label
              key={engine}
              className={cn(
                "flex cursor-pointer gap-3 rounded-lg border p-3 text-sm has-[:focus-visible]:ring-[3px] has-[:focus-visible]:ring-ring/50",
                mode.engine === engine && "border-primary bg-primary/5",
              )}
            >
              <input
                type="radio"
                name="bot-engine"
                value={engine}
                checked={mode.engine === engine}
                disabled={set.isPending || (engine === "EXTERNAL" && !mode.externalWebhookUrl && !url.trim())}
                onChange={() => save(engine === "EXTERNAL" && url.trim() !== (mode.externalWebhookUrl ?? "") ? { engine, externalWebhookUrl: url.trim() } : { engine })}
                className="mt-0.5 accent-primary"
                data-testid={`mode-engine-${engine.toLowerCase()}`}
              />
              <span>
                <span className="font-medium">{t(`engines.${engine}`)}</span>
                <span className="block text-muted-foreground">{t(`engineHelp.${engine}`)}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save({ externalWebhookUrl: url.trim() || null }, t("webhookSaved"));
        }}
      >
        <FormField label={t("webhook")} description={t("webhookHelp")} error={errors.externalWebhookUrl}>
          {(p) => (
            <div className="flex flex-col gap-2 sm:flex-row">
              <Input
                {...p}
                type="url"
                inputMode="url"
                value={url}
                onChange={(e) => {
                  setUrl(e.target.value);
                  clear("externalWebhookUrl");
                }}
                placeholder="https://n8n.example.com/webhook/bot"
                data-testid="mode-webhook-url"
              />
              <Button type="submit" variant="outline" disabled={set.isPending || url.trim() === (mode.externalWebhookUrl ?? "")} data-testid="mode-webhook-save">
                {set.isPending && <Spinner label={t("saving")} />}
                {t("saveWebhook")}
              </Button>
            </div>
          )}
        </FormField>
      </form>
    </div>
  );
}

function Toggle({ label, hint, checked, disabled, onChange, testId }: { label: string; hint: string; checked: boolean; disabled: boolean; onChange: (v: boolean) => void; testId: string }) {
  const id = useId();
  return (
    <div className="flex items-start justify-between gap-4">
      <div className="min-w-0 space-y-0.5">
        <label htmlFor={id} className="text-sm font-medium">
          {label}
        </label>
        <p id={`${id}-hint`} className="text-sm text-muted-foreground">
          {hint}
        </p>
      </div>
      <Switch id={id} checked={checked} disabled={disabled} aria-describedby={`${id}-hint`} onCheckedChange={onChange} data-testid={testId} />
    </div>
  );
}
