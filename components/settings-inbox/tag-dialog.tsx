"use client";

import { useTranslations } from "next-intl";
import { TagBadge } from "@/components/common/tag-badge";
import { useCreateTag, useUpdateTag, type Tag } from "@/lib/client/tags";
import { NameColorDialog, type NameColorValues } from "./name-color-dialog";

/** `tag` null creates; otherwise edits that tag. */
export function TagDialog({ open, tag, onClose }: { open: boolean; tag: Tag | null; onClose: () => void }) {
  const t = useTranslations("tagsSettings.dialog");
  const create = useCreateTag();
  const update = useUpdateTag();
  // Tags always have a color: the picker offers no "none" here.
  const save = ({ color, ...values }: NameColorValues) => {
    const body = { ...values, color: color ?? undefined };
    return tag ? update.mutateAsync({ id: tag.id, ...body }) : create.mutateAsync(body);
  };
  return (
    <NameColorDialog
      open={open}
      item={tag}
      onClose={onClose}
      t={t}
      testId="tag"
      maxName={50}
      maxDescription={200}
      defaultColor="blue"
      pending={create.isPending || update.isPending}
      save={save}
      preview={({ name, color }) => (
        <div className="flex items-center gap-2 text-sm text-muted-foreground">
          {t("preview")} <TagBadge name={name || t("namePlaceholder")} color={color ?? "blue"} />
        </div>
      )}
    />
  );
}
