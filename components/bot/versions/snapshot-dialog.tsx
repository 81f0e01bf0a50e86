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
import { useCreateSnapshot } from "@/lib/client/bot-library";

export function SnapshotDialog({ open, configId, onClose }: { open: boolean; configId: string | null; onClose: () => void }) {
  const t = useTranslations("botLibrary.snapshots.dialog");
  return (
    <Dialog open={open} onOpenChange={(o) => !o && onClose()}>
      <DialogContent className="sm:max-w-md">
        <DialogHeader>
          <DialogTitle>{t("title")}</DialogTitle>
          <DialogDescription>{t("description")}</DialogDescription>
        </DialogHeader>
        {open && <SnapshotForm configId={configId} onClose={onClose} />}
      </DialogContent>
    </Dialog>
  );
}

function SnapshotForm({ configId, onClose }: { configId: string | null; onClose: () => void }) {
  const t = useTranslations("botLibrary.snapshots.dialog");
  const tf = useTranslations("errors.field");
  const create = useCreateSnapshot();
  const { errors, setErrors, report, clear } = useFieldErrors();
  const [name, setName] = useState(() => t("defaultName", { date: new Date().toLocaleString() }));
  const [note, setNote] = useState("");

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (create.isPending) return;
    if (!name.trim()) return setErrors({ name: tf("required") });
    try {
      const s = await create.mutateAsync({ configId, name: name.trim(), note: note.trim() || null });
      toast.success(t("created", { name: s.name }));
      onClose();
    } catch (err) {
      report(err);
    }
  };

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      <FormField label={t("name")} error={errors.name} required>
        <Input value={name} maxLength={120} onChange={(e) => (setName(e.target.value), clear("name"))} data-testid="snapshot-name" />
      </FormField>
      <FormField label={t("note")} error={errors.note}>
        <Textarea rows={3} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t("notePlaceholder")} data-testid="snapshot-note" />
      </FormField>
      <FormDialogFooter onCancel={onClose} cancelLabel={t("cancel")} submitLabel={t("create")} pendingLabel={t("saving")} pending={create.isPending} submitTestId="snapshot-submit" />
    </form>
  );
}
