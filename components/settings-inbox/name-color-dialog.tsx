"use client";

import { useState, type FormEvent, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/sonner";
import { FormDialogFooter } from "@/components/common/form-dialog-footer";
import { useFieldErrors } from "@/components/common/use-api-errors";
import { ColorPicker } from "./color-picker";

type Key = "createTitle" | "editTitle" | "description" | "name" | "color" | "descriptionLabel" | "nameTaken" | "created" | "updated" | "cancel" | "create" | "save" | "saving";

export type NameColorValues = { name: string; description: string | null; color: string | null };
type Item = { id: string; name: string; description: string | null; color: string | null };

type Props<R> = {
  open: boolean;
  /** null creates; otherwise edits this one. */
  item: Item | null;
  onClose: () => void;
  /** The dialog's texts (`tagsSettings.dialog`, `teamsSettings.dialog`). */
  t: (key: Key, values?: { name: string }) => string;
  /** Prefix of the fields' test ids: `${testId}-name`, `-description`, `-submit`. */
  testId: string;
  maxName: number;
  maxDescription: number;
  /** A new item's color; with `allowNoColor` the picker offers "none" (null). */
  defaultColor: string | null;
  allowNoColor?: boolean;
  pending: boolean;
  save: (values: NameColorValues) => Promise<R>;
  /** After a save, once the dialog closed. */
  onSaved?: (result: R) => void;
  /** Shown under the fields as they are typed (the tag's chip). */
  preview?: (values: { name: string; color: string | null }) => ReactNode;
};

/** Create or edit something named and colored (tags, teams): name, color, description; a taken name is a field error. */
export function NameColorDialog<R>(props: Props<R>) {
  const { open, item, onClose, t } = props;
  return (
    <Dialog open={open} onOpenChange={(o) => !o && onClose()}>
      <DialogContent className="sm:max-w-md">
        <DialogHeader>
          <DialogTitle>{item ? t("editTitle") : t("createTitle")}</DialogTitle>
          <DialogDescription>{t("description")}</DialogDescription>
        </DialogHeader>
        {open && <NameColorForm key={item?.id ?? "new"} {...props} />}
      </DialogContent>
    </Dialog>
  );
}

function NameColorForm<R>({ item, onClose, t, testId, maxName, maxDescription, defaultColor, allowNoColor = false, pending, save, onSaved, preview }: Props<R>) {
  const tf = useTranslations("errors.field");
  const { errors, setErrors, report, clear } = useFieldErrors();
  const [name, setName] = useState(item?.name ?? "");
  const [color, setColor] = useState(item ? item.color : defaultColor);
  const [description, setDescription] = useState(item?.description ?? "");

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (pending) return;
    if (!name.trim()) return setErrors({ name: tf("required") });
    const values = { name: name.trim(), color, description: description.trim() || null };
    try {
      const result = await save(values);
      toast.success(item ? t("updated", { name: values.name }) : t("created", { name: values.name }));
      onClose();
      onSaved?.(result);
    } catch (err) {
      report(err, { name: t("nameTaken") });
    }
  };

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      <FormField label={t("name")} error={errors.name} required>
        <Input autoFocus maxLength={maxName} value={name} onChange={(e) => (setName(e.target.value), clear("name"))} data-testid={`${testId}-name`} />
      </FormField>
      <FormField label={t("color")} error={errors.color}>
        {() => <ColorPicker value={color} onChange={setColor} allowNone={allowNoColor} label={t("color")} />}
      </FormField>
      <FormField label={t("descriptionLabel")} error={errors.description}>
        <Textarea rows={2} maxLength={maxDescription} value={description} onChange={(e) => setDescription(e.target.value)} data-testid={`${testId}-description`} />
      </FormField>
      {preview?.({ name: name.trim(), color })}
      <FormDialogFooter onCancel={onClose} cancelLabel={t("cancel")} submitLabel={item ? t("save") : t("create")} pendingLabel={t("saving")} pending={pending} submitTestId={`${testId}-submit`} />
    </form>
  );
}
