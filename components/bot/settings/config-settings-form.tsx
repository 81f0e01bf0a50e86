"use client";

import { useState, type FormEvent, type ReactNode } from "react";
import { SaveIcon, Undo2Icon } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Switch } from "@/components/ui/switch";
import { Textarea } from "@/components/ui/textarea";
import { Spinner } from "@/components/ui/spinner";
import { toast } from "@/components/ui/sonner";
import { useFieldErrors } from "@/components/common/use-api-errors";
import { isApiError } from "@/lib/client/api";
import { usePresets, useUpdateConfig, type BotConfig, type ConfigBody } from "@/lib/client/bot";
import { useTeams } from "@/lib/client/teams";
import { ChipInput } from "../intents/chip-input";
import { apiKeyPatch, numberOrNull, providerDraftOf, ProviderFields, providerProblems, type ProviderDraft } from "./provider-fields";

type Draft = {
  presetId: string;
  provider: ProviderDraft;
  welcomeMessage: string;
  fallbackMessage: string;
  handoffMessage: string;
  confidenceThreshold: number;
  language: string;
  handoffKeywords: string[];
  handoffTeamId: string;
  historyTurns: string;
  ragEnabled: boolean;
  ragTopK: string;
};

const LANGUAGES = ["es", "en", "pt"] as const;
const isLanguage = (l: string): l is (typeof LANGUAGES)[number] => (LANGUAGES as readonly string[]).includes(l);

const draftOf = (c: BotConfig): Draft => ({
  presetId: c.presetId ?? "",
  provider: providerDraftOf(c),
  welcomeMessage: c.welcomeMessage ?? "",
  fallbackMessage: c.fallbackMessage ?? "",
  handoffMessage: c.handoffMessage ?? "",
  confidenceThreshold: c.confidenceThreshold,
  language: c.language,
  handoffKeywords: c.settings.handoffKeywords ?? [],
  handoffTeamId: c.settings.handoffTeamId ?? "",
  historyTurns: String(c.settings.historyTurns ?? 10),
  ragEnabled: c.settings.ragEnabled ?? true,
  ragTopK: String(c.settings.ragTopK ?? 4),
});

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Only what changed goes to the API (fields are PATCH-like there too). */
export function configPatch(before: Draft, d: Draft): ConfigBody {
  const body: ConfigBody = {};
  if (d.presetId !== before.presetId) body.presetId = d.presetId || null;
  const p = d.provider;
  const b = before.provider;
  if (p.provider !== b.provider) body.provider = p.provider || null;
  if (p.model !== b.model || p.provider !== b.provider) body.model = p.model.trim() || null;
  if (p.baseUrl !== b.baseUrl) body.baseUrl = p.baseUrl.trim() || null;
  if (p.embeddingModel !== b.embeddingModel) body.embeddingModel = p.embeddingModel.trim() || null;
  const temp = numberOrNull(p.temperature);
  if (p.temperature !== b.temperature && temp !== null) body.temperature = temp;
  const max = numberOrNull(p.maxTokens);
  if (p.maxTokens !== b.maxTokens && max !== null) body.maxTokens = max;
  Object.assign(body, apiKeyPatch(p.apiKey));
  for (const k of ["welcomeMessage", "fallbackMessage", "handoffMessage"] as const) if (d[k] !== before[k]) body[k] = d[k].trim() || null;
  if (d.confidenceThreshold !== before.confidenceThreshold) body.confidenceThreshold = d.confidenceThreshold;
  if (d.language !== before.language) body.language = d.language;
  const settings: NonNullable<ConfigBody["settings"]> = {};
  if (!same(d.handoffKeywords, before.handoffKeywords)) settings.handoffKeywords = d.handoffKeywords;
  if (d.handoffTeamId !== before.handoffTeamId) settings.handoffTeamId = d.handoffTeamId || null;
  if (d.historyTurns !== before.historyTurns && numberOrNull(d.historyTurns) !== null) settings.historyTurns = Number(d.historyTurns);
  if (d.ragEnabled !== before.ragEnabled) settings.ragEnabled = d.ragEnabled;
  if (d.ragTopK !== before.ragTopK && numberOrNull(d.ragTopK) !== null) settings.ragTopK = Number(d.ragTopK);
  if (Object.keys(settings).length) body.settings = settings;
  return body;
}

/** Everything of one config except the prompt and the intents; one save for all of it. */
export function ConfigSettingsForm({ config }: { config: BotConfig }) {
  const t = useTranslations("bot.settings");
  const tp = useTranslations("bot.provider.problems");
  const format = useFormatter();
  const update = useUpdateConfig();
  const presets = usePresets();
  const teams = useTeams();
  const { errors, setErrors, report, clear } = useFieldErrors();
  const base = draftOf(config);
  const [draft, setDraft] = useState(base);
  const patch = configPatch(base, draft);
  const dirty = Object.keys(patch).length > 0;

  // Someone else saved (or a rollback happened): take the new values unless this form has edits of its own.
  const [seen, setSeen] = useState(config);
  if (seen.updatedAt !== config.updatedAt) {
    setSeen(config);
    if (!Object.keys(configPatch(draftOf(seen), draft)).length) setDraft(base);
  }

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    clear(key);
  };
  const setProvider = (p: Partial<ProviderDraft>) => {
    setDraft((d) => ({ ...d, provider: { ...d.provider, ...p } }));
    for (const k of Object.keys(p)) clear(k);
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!dirty || update.isPending) return;
    const problems = draft.presetId ? {} : providerProblems(draft.provider, tp, { requireProvider: false });
    const topK = numberOrNull(draft.ragTopK);
    if (topK === null || topK < 1 || topK > 20 || !Number.isInteger(topK)) problems.ragTopK = tp("topK");
    const turns = numberOrNull(draft.historyTurns);
    if (turns === null || turns < 0 || turns > 50 || !Number.isInteger(turns)) problems.historyTurns = tp("historyTurns");
    if (Object.values(problems).some(Boolean)) return setErrors(problems);
    update.mutate(
      { configId: config.id, body: patch },
      {
        onSuccess: (c) => {
          setDraft(draftOf(c));
          toast.success(t("saved"));
        },
        onError: (err) => {
          if (isApiError(err) && err.details.length) {
            // "settings.ragTopK" → ragTopK
            const mapped: Record<string, string> = {};
            for (const d of err.details) mapped[d.path.replace(/^settings\./, "")] ??= d.message;
            setErrors(mapped);
            return;
          }
          report(err);
        },
      },
    );
  };

  const preset = presets.data?.find((p) => p.id === draft.presetId) ?? null;

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" data-testid="config-settings-form">
      <Section title={t("providerTitle")} description={t("providerText")}>
        <FormField label={t("preset")} description={preset ? t("presetUses", { provider: preset.provider, model: preset.model }) : t("presetHelp")} error={errors.presetId}>
          <NativeSelect value={draft.presetId} onChange={(e) => set("presetId", e.target.value)} disabled={presets.isPending} data-testid="settings-preset-select">
            <option value="">{t("noPreset")}</option>
            {presets.data?.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </NativeSelect>
        </FormField>
        {!draft.presetId && (
          <ProviderFields
            draft={draft.provider}
            onChange={setProvider}
            errors={errors}
            storedKey={config.apiKey}
            revealOf={{ configId: config.id }}
            validateWith={{ configId: config.id }}
            allowNone
            testIdPrefix="settings"
          />
        )}
      </Section>

      <Section title={t("messagesTitle")} description={t("messagesText")}>
        {(["welcomeMessage", "fallbackMessage", "handoffMessage"] as const).map((k) => (
          <FormField key={k} label={t(`${k}.label`)} description={t(`${k}.help`)} error={errors[k]}>
            <Textarea rows={2} maxLength={2000} value={draft[k]} onChange={(e) => set(k, e.target.value)} data-testid={`settings-${k}`} />
          </FormField>
        ))}
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField label={t("language")} error={errors.language}>
            <NativeSelect value={draft.language} onChange={(e) => set("language", e.target.value)} data-testid="settings-language">
              {[...new Set([...LANGUAGES, draft.language])].map((l) => (
                <option key={l} value={l}>
                  {isLanguage(l) ? t(`languages.${l}`) : l}
                </option>
              ))}
            </NativeSelect>
          </FormField>
          <FormField label={t("historyTurns")} description={t("historyTurnsHelp")} error={errors.historyTurns}>
            <Input type="number" inputMode="numeric" min={0} max={50} value={draft.historyTurns} onChange={(e) => set("historyTurns", e.target.value)} data-testid="settings-history-turns" />
          </FormField>
        </div>
      </Section>

      <Section title={t("handoffTitle")} description={t("handoffText")}>
        <FormField
          label={t("confidence")}
          description={t("confidenceHelp")}
          error={errors.confidenceThreshold}
        >
          {(p) => (
            <div className="flex items-center gap-3">
              <input
                {...p}
                type="range"
                min={0}
                max={1}
                step={0.05}
                value={draft.confidenceThreshold}
                onChange={(e) => set("confidenceThreshold", Number(e.target.value))}
                aria-valuetext={format.number(draft.confidenceThreshold, { style: "percent" })}
                className="h-2 flex-1 cursor-pointer accent-primary"
                data-testid="settings-confidence"
              />
              <span className="w-12 text-right text-sm tabular-nums">{format.number(draft.confidenceThreshold, { style: "percent" })}</span>
            </div>
          )}
        </FormField>
        <FormField label={t("handoffKeywords")} description={t("handoffKeywordsHelp")} error={errors.handoffKeywords}>
          {(p) => <ChipInput {...p} value={draft.handoffKeywords} onChange={(v) => set("handoffKeywords", v)} max={50} placeholder={t("handoffKeywordsPlaceholder")} testId="settings-handoff-keywords" />}
        </FormField>
        <FormField label={t("handoffTeam")} description={t("handoffTeamHelp")} error={errors.handoffTeamId}>
          <NativeSelect value={draft.handoffTeamId} onChange={(e) => set("handoffTeamId", e.target.value)} disabled={teams.isPending} data-testid="settings-handoff-team">
            <option value="">{teams.isError ? t("teamsFailed") : t("anyTeam")}</option>
            {teams.data?.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </NativeSelect>
        </FormField>
      </Section>

      <Section title={t("ragTitle")} description={t("ragText")}>
        <label className="flex items-center justify-between gap-4 text-sm">
          <span>
            <span className="font-medium">{t("ragEnabled")}</span>
            <span className="block text-muted-foreground">{t("ragEnabledHelp")}</span>
          </span>
          <Switch checked={draft.ragEnabled} onCheckedChange={(v) => set("ragEnabled", v)} data-testid="settings-rag-enabled" />
        </label>
        {draft.ragEnabled && (
          <FormField label={t("ragTopK")} description={t("ragTopKHelp")} error={errors.ragTopK} className="sm:max-w-xs">
            <Input type="number" inputMode="numeric" min={1} max={20} value={draft.ragTopK} onChange={(e) => set("ragTopK", e.target.value)} data-testid="settings-rag-topk" />
          </FormField>
        )}
      </Section>

      <div className="sticky bottom-0 z-10 -mx-1 flex flex-wrap items-center justify-end gap-2 rounded-lg border bg-background/95 p-2 shadow-sm backdrop-blur supports-[backdrop-filter]:bg-background/80">
        {dirty && <span className="mr-auto text-sm text-amber-700 dark:text-amber-300">{t("unsaved")}</span>}
        <Button variant="ghost" disabled={!dirty || update.isPending} onClick={() => setDraft(base)} data-testid="settings-discard">
          <Undo2Icon />
          {t("discard")}
        </Button>
        <Button type="submit" disabled={!dirty || update.isPending} data-testid="settings-save">
          {update.isPending ? <Spinner label={t("saving")} /> : <SaveIcon />}
          {t("save")}
        </Button>
      </div>
    </form>
  );
}

export function Section({ title, description, children, testId }: { title: string; description?: string; children: ReactNode; testId?: string }) {
  return (
    <Card data-testid={testId}>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
        {description && <CardDescription>{description}</CardDescription>}
      </CardHeader>
      <CardContent className="grid gap-4">{children}</CardContent>
    </Card>
  );
}
