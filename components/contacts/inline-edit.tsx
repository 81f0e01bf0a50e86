"use client";

import { useState, type FormEvent } from "react";
import { CheckIcon, PencilIcon, XIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";

/** A value shown as text with a pencil; editing swaps in an input (Enter saves, Escape cancels). Empty clears it. */
export function InlineEdit({
  label,
  value,
  placeholder,
  onSave,
  canEdit,
  maxLength,
  testId,
}: {
  label: string;
  value: string | null;
  placeholder?: string;
  onSave: (value: string) => Promise<unknown>;
  canEdit: boolean;
  maxLength?: number;
  testId: string;
}) {
  const t = useTranslations("contacts.details");
  const [draft, setDraft] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (draft === null || saving) return;
    setSaving(true);
    try {
      await onSave(draft.trim());
      setDraft(null);
    } catch {
      // The caller reported the error; the draft stays for another try.
    } finally {
      setSaving(false);
    }
  };

  if (draft !== null)
    return (
      <form onSubmit={submit} className="flex items-center gap-1">
        <Input
          autoFocus
          aria-label={label}
          value={draft}
          maxLength={maxLength}
          placeholder={placeholder}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => e.key === "Escape" && (e.stopPropagation(), setDraft(null))}
          className="h-8"
          data-testid={`${testId}-input`}
        />
        <Button type="submit" size="icon-sm" variant="ghost" aria-label={t("save")} disabled={saving} data-testid={`${testId}-save`}>
          {saving ? <Spinner /> : <CheckIcon />}
        </Button>
        <Button type="button" size="icon-sm" variant="ghost" aria-label={t("cancel")} onClick={() => setDraft(null)}>
          <XIcon />
        </Button>
      </form>
    );

  return (
    <div className="group flex min-h-8 items-center gap-1">
      <span className={value ? "min-w-0 truncate" : "text-muted-foreground"}>{value || placeholder || "—"}</span>
      {canEdit && (
        <Button
          size="icon-sm"
          variant="ghost"
          className="shrink-0 text-muted-foreground"
          aria-label={t("editField", { field: label })}
          onClick={() => setDraft(value ?? "")}
          data-testid={`${testId}-edit`}
        >
          <PencilIcon />
        </Button>
      )}
    </div>
  );
}
