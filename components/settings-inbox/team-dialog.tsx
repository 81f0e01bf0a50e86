"use client";

import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/sonner";
import { FormDialogFooter } from "@/components/common/form-dialog-footer";
import { useFieldErrors } from "@/components/common/use-api-errors";
import { useCreateTeam, useUpdateTeam, type Team, type TeamDetail } from "@/lib/client/teams";
import { ColorPicker } from "./color-picker";

/** `team` null creates (then `onCreated` opens its members); otherwise renames/recolors it. */
export function TeamDialog({ open, team, onClose, onCreated }: { open: boolean; team: Team | null; onClose: () => void; onCreated: (team: TeamDetail) => void }) {
  const t = useTranslations("teamsSettings.dialog");
  return (
    <Dialog open={open} onOpenChange={(o) => !o && onClose()}>
      <DialogContent className="sm:max-w-md">
        <DialogHeader>
          <DialogTitle>{team ? t("editTitle") : t("createTitle")}</DialogTitle>
          <DialogDescription>{t("description")}</DialogDescription>
        </DialogHeader>
        {open && <TeamForm key={team?.id ?? "new"} team={team} onClose={onClose} onCreated={onCreated} />}
      </DialogContent>
    </Dialog>
  );
}

function TeamForm({ team, onClose, onCreated }: { team: Team | null; onClose: () => void; onCreated: (team: TeamDetail) => void }) {
  const t = useTranslations("teamsSettings.dialog");
  const tf = useTranslations("errors.field");
  const create = useCreateTeam();
  const update = useUpdateTeam();
  const { errors, setErrors, report, clear } = useFieldErrors();
  const [name, setName] = useState(team?.name ?? "");
  const [description, setDescription] = useState(team?.description ?? "");
  const [color, setColor] = useState<string | null>(team?.color ?? null);
  const pending = create.isPending || update.isPending;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (pending) return;
    if (!name.trim()) return setErrors({ name: tf("required") });
    const body = { name: name.trim(), description: description.trim() || null, color };
    try {
      if (team) {
        await update.mutateAsync({ id: team.id, ...body });
        toast.success(t("updated", { name: body.name }));
        onClose();
      } else {
        const created = await create.mutateAsync(body);
        toast.success(t("created", { name: body.name }));
        onClose();
        onCreated(created);
      }
    } catch (err) {
      report(err, { name: t("nameTaken") });
    }
  };

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      <FormField label={t("name")} error={errors.name} required>
        <Input autoFocus maxLength={100} value={name} onChange={(e) => (setName(e.target.value), clear("name"))} data-testid="team-name" />
      </FormField>
      <FormField label={t("descriptionLabel")} error={errors.description}>
        <Textarea rows={2} maxLength={500} value={description} onChange={(e) => setDescription(e.target.value)} data-testid="team-description" />
      </FormField>
      <FormField label={t("color")} error={errors.color}>
        {() => <ColorPicker value={color} onChange={setColor} allowNone label={t("color")} />}
      </FormField>
      <FormDialogFooter onCancel={onClose} cancelLabel={t("cancel")} submitLabel={team ? t("save") : t("create")} pendingLabel={t("saving")} pending={pending} submitTestId="team-submit" />
    </form>
  );
}
