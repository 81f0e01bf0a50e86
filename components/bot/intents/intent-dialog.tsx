"use client";

import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Switch } from "@/components/ui/switch";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/sonner";
import { FormDialogFooter } from "@/components/common/form-dialog-footer";
import { useFieldErrors } from "@/components/common/use-api-errors";
import { compiles } from "@/lib/bot/pattern";
import { isApiError } from "@/lib/client/api";
import { INTENT_ACTIONS, useBotMediaOptions, useCreateIntent, useUpdateIntent, type Intent, type IntentAction, type IntentBody } from "@/lib/client/bot";
import { useTools } from "@/lib/client/bot-tools";
import { useTeams } from "@/lib/client/teams";
import { ChipInput } from "./chip-input";

/** Create (intent null) or edit an intent: what triggers it and what it does. */
export function IntentDialog({ configId, intent, onClose }: { configId: string; intent: Intent | null; onClose: () => void }) {
  const t = useTranslations("bot.intentDialog");
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()}>
      <DialogContent className="sm:max-w-2xl" data-testid="intent-dialog">
        <DialogHeader>
          <DialogTitle>{intent ? t("editTitle", { name: intent.name }) : t("createTitle")}</DialogTitle>
          <DialogDescription>{t("description")}</DialogDescription>
        </DialogHeader>
        <IntentForm configId={configId} intent={intent} onClose={onClose} />
      </DialogContent>
    </Dialog>
  );
}

function IntentForm({ configId, intent, onClose }: { configId: string; intent: Intent | null; onClose: () => void }) {
  const t = useTranslations("bot.intentDialog");
  const tf = useTranslations("errors.field");
  const create = useCreateIntent();
  const update = useUpdateIntent();
  const { errors, setErrors, report, clear } = useFieldErrors();
  const [name, setName] = useState(intent?.name ?? "");
  const [description, setDescription] = useState(intent?.description ?? "");
  const [isActive, setIsActive] = useState(intent?.isActive ?? true);
  const [keywords, setKeywords] = useState(intent?.keywords ?? []);
  const [patterns, setPatterns] = useState(intent?.patterns ?? []);
  const [examples, setExamples] = useState(intent?.examples ?? []);
  const [action, setAction] = useState<IntentAction>(intent?.action ?? "REPLY");
  const [response, setResponse] = useState(intent?.response ?? "");
  const [mediaId, setMediaId] = useState(intent?.mediaId ?? "");
  const [toolId, setToolId] = useState(intent?.toolId ?? "");
  const [teamId, setTeamId] = useState(intent?.teamId ?? "");
  const [replyTemplate, setReplyTemplate] = useState(intent?.actionConfig.replyTemplate ?? "");
  const media = useBotMediaOptions(action === "REPLY" || action === "ASK");
  const tools = useTools(action === "TOOL");
  const teams = useTeams();
  const pending = create.isPending || update.isPending;
  const needsReply = action === "REPLY" || action === "ASK";

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (pending) return;
    const local: Record<string, string> = {};
    if (!name.trim()) local.name = tf("required");
    const bad = patterns.filter((p) => !compiles(p));
    if (bad.length) local.patterns = t("badPattern", { pattern: bad[0] });
    if (needsReply && !response.trim() && !mediaId) local.response = t("needResponse");
    if (action === "TOOL" && !toolId) local.toolId = tf("required");
    if (Object.keys(local).length) return setErrors(local);

    const body: IntentBody = {
      name: name.trim(),
      description: description.trim() || null,
      isActive,
      keywords,
      patterns,
      examples,
      action,
      response: response.trim() || null,
      mediaId: needsReply && mediaId ? mediaId : null,
      toolId: action === "TOOL" ? toolId : null,
      teamId: action === "HANDOFF" && teamId ? teamId : null,
      actionConfig: { ...intent?.actionConfig, ...(action === "TOOL" ? { replyTemplate: replyTemplate.trim() || undefined } : {}) },
    };
    try {
      if (intent) await update.mutateAsync({ id: intent.id, body });
      else await create.mutateAsync({ configId, body });
      toast.success(intent ? t("updated", { name: body.name }) : t("created", { name: body.name }));
      onClose();
    } catch (err) {
      // "patterns.2" → the patterns field, naming the pattern the API refused.
      if (isApiError(err) && err.code !== "CONFLICT" && err.details.length) {
        const next: Record<string, string> = {};
        for (const d of err.details) {
          const [field, index] = d.path.split(".");
          const key = field === "(root)" ? "form" : field;
          next[key] ??= field === "patterns" && index !== undefined ? t("badPatternApi", { pattern: patterns[Number(index)] ?? "", message: d.message }) : d.message;
        }
        setErrors(next);
        if (next.form) toast.error(next.form);
        return;
      }
      report(err, { name: t("nameTaken") });
    }
  };

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      <div className="grid gap-4 sm:grid-cols-[1fr_auto] sm:items-start">
        <FormField label={t("name")} error={errors.name} required>
          <Input
            autoFocus
            maxLength={120}
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              clear("name");
            }}
            placeholder={t("namePlaceholder")}
            data-testid="intent-name-input"
          />
        </FormField>
        <label className="flex items-center gap-2 text-sm sm:mt-7">
          <Switch checked={isActive} onCheckedChange={setIsActive} data-testid="intent-active-input" />
          {t("active")}
        </label>
      </div>
      <FormField label={t("descriptionLabel")} description={t("descriptionHelp")} error={errors.description}>
        <Input maxLength={500} value={description} onChange={(e) => setDescription(e.target.value)} data-testid="intent-description-input" />
      </FormField>

      <fieldset className="grid gap-3 rounded-lg border p-3">
        <legend className="px-1 text-sm font-medium">{t("triggers")}</legend>
        <FormField label={t("keywords")} description={t("keywordsHelp")} error={errors.keywords}>
          {(p) => (
            <ChipInput
              {...p}
              value={keywords}
              onChange={(v) => {
                setKeywords(v);
                clear("keywords");
              }}
              placeholder={t("keywordsPlaceholder")}
              testId="intent-keywords-input"
            />
          )}
        </FormField>
        <FormField label={t("patterns")} description={t("patternsHelp")} error={errors.patterns}>
          {(p) => (
            <ChipInput
              {...p}
              value={patterns}
              onChange={(v) => {
                setPatterns(v);
                clear("patterns");
              }}
              separators={[]}
              max={50}
              mono
              invalid={(c) => !compiles(c)}
              placeholder={t("patternsPlaceholder")}
              testId="intent-patterns-input"
            />
          )}
        </FormField>
        <FormField label={t("examples")} description={t("examplesHelp")} error={errors.examples}>
          {(p) => (
            <ChipInput {...p} value={examples} onChange={setExamples} separators={[]} placeholder={t("examplesPlaceholder")} testId="intent-examples-input" />
          )}
        </FormField>
      </fieldset>

      <fieldset className="grid gap-3 rounded-lg border p-3">
        <legend className="px-1 text-sm font-medium">{t("then")}</legend>
        <FormField label={t("action")} description={t(`actionHelp.${action}`)} error={errors.action}>
          <NativeSelect value={action} onChange={(e) => setAction(e.target.value as IntentAction)} data-testid="intent-action-select">
            {INTENT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {t(`actions.${a}`)}
              </option>
            ))}
          </NativeSelect>
        </FormField>

        {action === "TOOL" && (
          <>
            <FormField label={t("tool")} error={errors.toolId} required description={tools.isSuccess && !tools.data.length ? t("noTools") : undefined}>
              <NativeSelect value={toolId} onChange={(e) => { setToolId(e.target.value); clear("toolId"); }} disabled={tools.isPending} data-testid="intent-tool-select">
                <option value="">{tools.isPending ? t("loading") : tools.isError ? t("loadFailed") : t("chooseTool")}</option>
                {tools.data?.map((tool) => (
                  <option key={tool.id} value={tool.id} disabled={!tool.isActive}>
                    {tool.isActive ? tool.name : t("inactiveOption", { name: tool.name })}
                  </option>
                ))}
              </NativeSelect>
            </FormField>
            <FormField label={t("replyTemplate")} description={t("replyTemplateHelp")} error={errors.actionConfig}>
              <Textarea rows={2} maxLength={4000} value={replyTemplate} onChange={(e) => setReplyTemplate(e.target.value)} data-testid="intent-reply-template-input" />
            </FormField>
          </>
        )}

        {action === "HANDOFF" && (
          <FormField label={t("team")} description={t("teamHelp")} error={errors.teamId}>
            <NativeSelect value={teamId} onChange={(e) => setTeamId(e.target.value)} disabled={teams.isPending} data-testid="intent-team-select">
              <option value="">{t("defaultTeam")}</option>
              {teams.data?.map((team) => (
                <option key={team.id} value={team.id}>
                  {team.name}
                </option>
              ))}
            </NativeSelect>
          </FormField>
        )}

        {action !== "TOOL" && (
          <FormField label={needsReply ? t("response") : t("responseOptional")} description={t(`responseHelp.${action}`)} error={errors.response} required={needsReply && !mediaId}>
            <Textarea
              rows={3}
              maxLength={4000}
              value={response}
              onChange={(e) => {
                setResponse(e.target.value);
                clear("response");
              }}
              data-testid="intent-response-input"
            />
          </FormField>
        )}

        {needsReply && (
          <FormField label={t("media")} description={media.isSuccess && !media.data.length ? t("noMedia") : t("mediaHelp")} error={errors.mediaId}>
            <NativeSelect value={mediaId} onChange={(e) => { setMediaId(e.target.value); clear("response"); }} disabled={media.isPending} data-testid="intent-media-select">
              <option value="">{media.isPending ? t("loading") : media.isError ? t("loadFailed") : t("noMediaOption")}</option>
              {media.data?.map((m) => (
                <option key={m.id} value={m.id}>
                  {t("mediaOption", { name: m.name, kind: t(`mediaKinds.${m.kind}`) })}
                </option>
              ))}
            </NativeSelect>
          </FormField>
        )}
      </fieldset>

      <FormDialogFooter onCancel={onClose} cancelLabel={t("cancel")} submitLabel={intent ? t("save") : t("create")} pendingLabel={t("saving")} pending={pending} submitTestId="intent-save" />
    </form>
  );
}
