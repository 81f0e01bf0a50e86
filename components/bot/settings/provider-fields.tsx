"use client";

import { useId } from "react";
import { CheckCircle2Icon, KeyRoundIcon, XCircleIcon } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Spinner } from "@/components/ui/spinner";
import { useDebounced } from "@/components/common/use-debounced";
import type { FieldErrors } from "@/components/common/use-api-errors";
import { useErrorMessage } from "@/components/common/use-api-errors";
import { AI_PROVIDERS, useModels, useValidateKey, type AiProvider, type ValidateKeyBody } from "@/lib/client/bot";
import { ApiKeyField } from "./api-key-field";

/** The provider part of a config or a preset, as the form holds it (numbers as typed text). */
export type ProviderDraft = {
  provider: AiProvider | "";
  model: string;
  baseUrl: string;
  /** undefined keeps the stored key, a string replaces it, null removes it. */
  apiKey: string | null | undefined;
  embeddingModel: string;
  temperature: string;
  maxTokens: string;
};

export type ProviderSource = {
  provider: AiProvider | null;
  model: string | null;
  baseUrl: string | null;
  embeddingModel: string | null;
  temperature: number | null;
  maxTokens: number | null;
};

export const providerDraftOf = (s: ProviderSource): ProviderDraft => ({
  provider: s.provider ?? "",
  model: s.model ?? "",
  baseUrl: s.baseUrl ?? "",
  apiKey: undefined,
  embeddingModel: s.embeddingModel ?? "",
  temperature: s.temperature === null ? "" : String(s.temperature),
  maxTokens: s.maxTokens === null ? "" : String(s.maxTokens),
});

export const numberOrNull = (v: string) => (v.trim() === "" || Number.isNaN(Number(v)) ? null : Number(v));

/** The key as the API takes it: absent (keep) when nothing was typed. */
export const apiKeyPatch = (v: string | null | undefined) => (v === null ? { apiKey: null } : v?.trim() ? { apiKey: v.trim() } : {});

/** Client-side checks the API would make anyway, so the admin sees them next to the field at once. */
export function providerProblems(d: ProviderDraft, t: (key: "required" | "localNeedsUrl" | "badUrl" | "temperature" | "maxTokens") => string, { requireProvider }: { requireProvider: boolean }): FieldErrors {
  const out: FieldErrors = {};
  if (requireProvider && !d.provider) out.provider = t("required");
  if (d.provider && !d.model.trim()) out.model = t("required");
  if (d.provider === "LOCAL" && !d.baseUrl.trim()) out.baseUrl = t("localNeedsUrl");
  if (d.baseUrl.trim() && !/^https?:\/\/\S+$/i.test(d.baseUrl.trim())) out.baseUrl = t("badUrl");
  const temp = numberOrNull(d.temperature);
  if (d.temperature.trim() && (temp === null || temp < 0 || temp > 2)) out.temperature = t("temperature");
  const max = numberOrNull(d.maxTokens);
  if (d.maxTokens.trim() && (max === null || !Number.isInteger(max) || max < 1 || max > 8000)) out.maxTokens = t("maxTokens");
  return out;
}

/** Provider, model (listed, or typed freely), base URL, key with validation, embeddings, temperature, max tokens. */
export function ProviderFields({
  draft,
  onChange,
  errors,
  storedKey,
  revealOf,
  validateWith,
  allowNone,
  testIdPrefix,
}: {
  draft: ProviderDraft;
  onChange: (patch: Partial<ProviderDraft>) => void;
  errors: FieldErrors;
  storedKey: { isSet: boolean; masked: string | null } | null;
  revealOf?: { configId: string } | { presetId: string };
  /** Which stored key validation falls back to when none is typed. */
  validateWith: { configId: string } | { presetId: string } | null;
  allowNone: boolean;
  testIdPrefix: string;
}) {
  const t = useTranslations("bot.provider");
  const ids = { list: useId(), key: useId() };
  const provider = draft.provider || null;
  const baseUrl = useDebounced(draft.baseUrl, 600);
  const models = useModels(provider, { baseUrl, presetId: validateWith && "presetId" in validateWith ? validateWith.presetId : null });
  const chat = (models.data?.data ?? []).filter((m) => !m.embedding);
  const embeddings = (models.data?.data ?? []).filter((m) => m.embedding);

  return (
    <div className="grid gap-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label={t("provider")} error={errors.provider} required={!allowNone}>
          <NativeSelect
            value={draft.provider}
            onChange={(e) => onChange({ provider: e.target.value as AiProvider | "", model: "", embeddingModel: "" })}
            data-testid={`${testIdPrefix}-provider`}
          >
            {allowNone ? <option value="">{t("none")}</option> : !draft.provider && <option value="">{t("choose")}</option>}
            {AI_PROVIDERS.map((p) => (
              <option key={p} value={p}>
                {t(`names.${p}`)}
              </option>
            ))}
          </NativeSelect>
        </FormField>
        {provider && (
          <FormField
            label={t("model")}
            required
            error={errors.model}
            description={models.isFetching ? t("modelsLoading") : models.data?.error ? t("modelsError", { error: models.data.error }) : provider === "LOCAL" && !draft.baseUrl ? t("modelsNeedUrl") : t("modelHelp")}
          >
            <Input value={draft.model} list={ids.list} autoComplete="off" spellCheck={false} onChange={(e) => onChange({ model: e.target.value })} placeholder={chat[0]?.id ?? t("modelPlaceholder")} data-testid={`${testIdPrefix}-model`} />
          </FormField>
        )}
      </div>
      <datalist id={ids.list}>
        {chat.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      </datalist>

      {provider && (
        <>
          {(provider === "LOCAL" || draft.baseUrl) && (
            <FormField label={t("baseUrl")} required={provider === "LOCAL"} error={errors.baseUrl} description={t("baseUrlHelp")}>
              <Input type="url" inputMode="url" value={draft.baseUrl} onChange={(e) => onChange({ baseUrl: e.target.value })} placeholder="http://ollama.internal:11434/v1" data-testid={`${testIdPrefix}-base-url`} />
            </FormField>
          )}
          <FormField label={provider === "LOCAL" ? t("apiKeyOptional") : t("apiKey")} error={errors.apiKey} description={t("apiKeyHelp")} id={ids.key}>
            {(p) => (
              <div className="grid gap-2">
                <ApiKeyField id={p.id} describedBy={p["aria-describedby"]} stored={storedKey} value={draft.apiKey} onChange={(apiKey) => onChange({ apiKey })} revealOf={revealOf} testId={`${testIdPrefix}-api-key`} />
                <ValidateKey
                  body={{
                    provider,
                    model: draft.model.trim() || undefined,
                    baseUrl: draft.baseUrl.trim() || undefined,
                    apiKey: typeof draft.apiKey === "string" && draft.apiKey.trim() ? draft.apiKey.trim() : undefined,
                    ...(validateWith ?? {}),
                  }}
                  disabled={draft.apiKey === null || (!draft.apiKey?.trim() && !storedKey?.isSet && provider !== "LOCAL")}
                  testId={`${testIdPrefix}-validate`}
                />
              </div>
            )}
          </FormField>
          <div className="grid gap-4 sm:grid-cols-3">
            <FormField label={t("temperature")} error={errors.temperature} description={t("temperatureHelp")}>
              <Input type="number" inputMode="decimal" min={0} max={2} step={0.1} value={draft.temperature} onChange={(e) => onChange({ temperature: e.target.value })} data-testid={`${testIdPrefix}-temperature`} />
            </FormField>
            <FormField label={t("maxTokens")} error={errors.maxTokens} description={t("maxTokensHelp")}>
              <Input type="number" inputMode="numeric" min={1} max={8000} step={1} value={draft.maxTokens} onChange={(e) => onChange({ maxTokens: e.target.value })} data-testid={`${testIdPrefix}-max-tokens`} />
            </FormField>
            <FormField label={t("embeddingModel")} error={errors.embeddingModel} description={t("embeddingHelp")}>
              <Input value={draft.embeddingModel} list={`${ids.list}-emb`} autoComplete="off" spellCheck={false} onChange={(e) => onChange({ embeddingModel: e.target.value })} placeholder={embeddings[0]?.id ?? t("embeddingDefault")} data-testid={`${testIdPrefix}-embedding-model`} />
            </FormField>
          </div>
          <datalist id={`${ids.list}-emb`}>
            {embeddings.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </datalist>
        </>
      )}
    </div>
  );
}

/** A real, minimal call with the typed key (or the stored one): says whether it works and how fast. */
function ValidateKey({ body, disabled, testId }: { body: ValidateKeyBody; disabled: boolean; testId: string }) {
  const t = useTranslations("bot.provider");
  const format = useFormatter();
  const validate = useValidateKey();
  const errorMessage = useErrorMessage();
  const result = validate.data;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button variant="outline" size="sm" disabled={disabled || validate.isPending} onClick={() => validate.mutate(body)} data-testid={testId}>
        {validate.isPending ? <Spinner label={t("validating")} /> : <KeyRoundIcon />}
        {t("validate")}
      </Button>
      <span role="status" className="min-w-0 text-sm" data-testid={`${testId}-result`}>
        {validate.isError ? (
          <span className="flex items-center gap-1 text-destructive">
            <XCircleIcon className="size-4 shrink-0" aria-hidden="true" />
            {errorMessage(validate.error)}
          </span>
        ) : result ? (
          result.valid ? (
            <span className="flex items-center gap-1 text-emerald-700 dark:text-emerald-400" data-valid="true">
              <CheckCircle2Icon className="size-4 shrink-0" aria-hidden="true" />
              {t("valid", { ms: format.number(result.latencyMs) })}
            </span>
          ) : (
            <span className="flex items-center gap-1 text-destructive" data-valid="false">
              <XCircleIcon className="size-4 shrink-0" aria-hidden="true" />
              {t("invalid", { error: result.error ?? "", ms: format.number(result.latencyMs) })}
            </span>
          )
        ) : null}
      </span>
    </div>
  );
}
