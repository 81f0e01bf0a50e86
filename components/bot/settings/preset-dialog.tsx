"use client";

import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/sonner";
import { FormDialogFooter } from "@/components/common/form-dialog-footer";
import { useFieldErrors } from "@/components/common/use-api-errors";
import { useCreatePreset, useUpdatePreset, type Preset } from "@/lib/client/bot";
import { apiKeyPatch, numberOrNull, providerDraftOf, ProviderFields, providerProblems, type ProviderDraft } from "./provider-fields";

const EMPTY: ProviderDraft = { provider: "", model: "", baseUrl: "", apiKey: undefined, embeddingModel: "", temperature: "", maxTokens: "" };

/** Create (preset null) or edit a provider preset; the key can be validated before saving. */
export function PresetDialog({ preset, onClose }: { preset: Preset | null; onClose: () => void }) {
  const t = useTranslations("bot.presets.dialog");
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()}>
      <DialogContent className="sm:max-w-2xl" data-testid="preset-dialog">
        <DialogHeader>
          <DialogTitle>{preset ? t("editTitle", { name: preset.name }) : t("createTitle")}</DialogTitle>
          <DialogDescription>{t("description")}</DialogDescription>
        </DialogHeader>
        <PresetForm preset={preset} onClose={onClose} />
      </DialogContent>
    </Dialog>
  );
}

function PresetForm({ preset, onClose }: { preset: Preset | null; onClose: () => void }) {
  const t = useTranslations("bot.presets.dialog");
  const tp = useTranslations("bot.provider.problems");
  const tf = useTranslations("errors.field");
  const create = useCreatePreset();
  const update = useUpdatePreset();
  const { errors, setErrors, report, clear } = useFieldErrors();
  const [name, setName] = useState(preset?.name ?? "");
  const [draft, setDraft] = useState<ProviderDraft>(preset ? providerDraftOf(preset) : EMPTY);
  const pending = create.isPending || update.isPending;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (pending) return;
    const problems = providerProblems(draft, tp, { requireProvider: true });
    if (!name.trim()) problems.name = tf("required");
    if (!preset && !draft.apiKey?.trim() && draft.provider && draft.provider !== "LOCAL") problems.apiKey = tf("required");
    if (Object.values(problems).some(Boolean)) return setErrors(problems);
    if (!draft.provider) return;
    const body = {
      name: name.trim(),
      provider: draft.provider,
      model: draft.model.trim(),
      baseUrl: draft.baseUrl.trim() || null,
      embeddingModel: draft.embeddingModel.trim() || null,
      temperature: numberOrNull(draft.temperature),
      maxTokens: numberOrNull(draft.maxTokens),
      ...apiKeyPatch(draft.apiKey),
    };
    try {
      if (preset) await update.mutateAsync({ id: preset.id, body });
      else await create.mutateAsync(body);
      toast.success(preset ? t("updated", { name: body.name }) : t("created", { name: body.name }));
      onClose();
    } catch (err) {
      report(err, { name: t("nameTaken") });
    }
  };

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
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
          data-testid="preset-name-input"
        />
      </FormField>
      <ProviderFields
        draft={draft}
        onChange={(p) => {
          setDraft((d) => ({ ...d, ...p }));
          for (const k of Object.keys(p)) clear(k);
        }}
        errors={errors}
        storedKey={preset?.apiKey ?? null}
        revealOf={preset ? { presetId: preset.id } : undefined}
        validateWith={preset ? { presetId: preset.id } : null}
        allowNone={false}
        testIdPrefix="preset"
      />
      <FormDialogFooter onCancel={onClose} cancelLabel={t("cancel")} submitLabel={preset ? t("save") : t("create")} pendingLabel={t("saving")} pending={pending} submitTestId="preset-save" />
    </form>
  );
}
