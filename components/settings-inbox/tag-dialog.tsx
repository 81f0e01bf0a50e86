"use client";

import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/sonner";
import { FormDialogFooter } from "@/components/common/form-dialog-footer";
import { TagBadge } from "@/components/common/tag-badge";
import { useFieldErrors } from "@/components/common/use-api-errors";
import { useCreateTag, useUpdateTag, type Tag } from "@/lib/client/tags";
import { ColorPicker } from "./color-picker";

/** `tag` null creates; otherwise edits that tag. */
export function TagDialog({ open, tag, onClose }: { open: boolean; tag: Tag | null; onClose: () => void }) {
  const t = useTranslations("tagsSettings.dialog");
  return (
    <Dialog open={open} onOpenChange={(o) => !o && onClose()}>
      <DialogContent className="sm:max-w-md">
        <DialogHeader>
          <DialogTitle>{tag ? t("editTitle") : t("createTitle")}</DialogTitle>
          <DialogDescription>{t("description")}</DialogDescription>
        </DialogHeader>
        {open && <TagForm key={tag?.id ?? "new"} tag={tag} onClose={onClose} />}
      </DialogContent>
    </Dialog>
  );
}

function TagForm({ tag, onClose }: { tag: Tag | null; onClose: () => void }) {
  const t = useTranslations("tagsSettings.dialog");
  const tf = useTranslations("errors.field");
  const create = useCreateTag();
  const update = useUpdateTag();
  const { errors, setErrors, report, clear } = useFieldErrors();
  const [name, setName] = useState(tag?.name ?? "");
  const [color, setColor] = useState<string>(tag?.color ?? "blue");
  const [description, setDescription] = useState(tag?.description ?? "");
  const pending = create.isPending || update.isPending;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (pending) return;
    if (!name.trim()) return setErrors({ name: tf("required") });
    const body = { name: name.trim(), color, description: description.trim() || null };
    try {
      if (tag) await update.mutateAsync({ id: tag.id, ...body });
      else await create.mutateAsync(body);
      toast.success(tag ? t("updated", { name: body.name }) : t("created", { name: body.name }));
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
          maxLength={50}
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            clear("name");
          }}
          data-testid="tag-name"
        />
      </FormField>
      <FormField label={t("color")} error={errors.color}>
        {() => <ColorPicker value={color} onChange={(c) => c && setColor(c)} label={t("color")} />}
      </FormField>
      <FormField label={t("descriptionLabel")} error={errors.description}>
        <Textarea rows={2} maxLength={200} value={description} onChange={(e) => setDescription(e.target.value)} data-testid="tag-description" />
      </FormField>
      <div className="flex items-center gap-2 text-sm text-muted-foreground">
        {t("preview")} <TagBadge name={name.trim() || t("namePlaceholder")} color={color} />
      </div>
      <FormDialogFooter onCancel={onClose} cancelLabel={t("cancel")} submitLabel={tag ? t("save") : t("create")} pendingLabel={t("saving")} pending={pending} submitTestId="tag-submit" />
    </form>
  );
}
