"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { KeyRoundIcon, PencilIcon, PlusIcon, Trash2Icon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { toast } from "@/components/ui/sonner";
import { ConfirmDialog } from "@/components/common/confirm-dialog";
import { ErrorState } from "@/components/common/error-state";
import { RowActions } from "@/components/common/row-actions";
import { TableSkeleton } from "@/components/common/table-skeleton";
import { useErrorMessage } from "@/components/common/use-api-errors";
import { useDeletePreset, usePresets, type Preset } from "@/lib/client/bot";
import { Section } from "./config-settings-form";

const PresetDialog = dynamic(() => import("./preset-dialog").then((m) => m.PresetDialog), { ssr: false });

/** Named provider + model + key combinations, reusable by configs and by writing assist. */
export function PresetsCard() {
  const t = useTranslations("bot.presets");
  const tp = useTranslations("bot.provider.names");
  const presets = usePresets();
  const remove = useDeletePreset();
  const errorMessage = useErrorMessage();
  const [editing, setEditing] = useState<{ preset: Preset | null } | null>(null);
  const [removing, setRemoving] = useState<Preset | null>(null);

  const confirmRemove = () =>
    removing &&
    remove.mutate(removing.id, {
      onSuccess: () => {
        toast.success(t("deleted", { name: removing.name }));
        setRemoving(null);
      },
      onError: (e) => toast.error(errorMessage(e)),
    });

  return (
    <Section title={t("title")} description={t("text")} testId="bot-presets">
      <div className="flex justify-end">
        <Button variant="outline" size="sm" onClick={() => setEditing({ preset: null })} data-testid="preset-create">
          <PlusIcon />
          {t("new")}
        </Button>
      </div>
      <div className="overflow-hidden rounded-lg border">
        {presets.isPending ? (
          <TableSkeleton rows={2} columns={2} />
        ) : presets.isError ? (
          <ErrorState error={presets.error} onRetry={() => void presets.refetch()} />
        ) : presets.data.length === 0 ? (
          <EmptyState icon={KeyRoundIcon} title={t("emptyTitle")} description={t("emptyText")} />
        ) : (
          <ul className="divide-y" data-testid="preset-list">
            {presets.data.map((p) => (
              <li key={p.id} className="flex items-center gap-3 px-3 py-2.5" data-testid="preset-row" data-name={p.name}>
                <div className="min-w-0 flex-1">
                  <p className="truncate text-sm font-medium">{p.name}</p>
                  <p className="truncate text-xs text-muted-foreground">
                    {tp(p.provider)} · {p.model}
                  </p>
                </div>
                <Badge variant={p.apiKey.isSet ? "outline" : "muted"} className="hidden font-mono sm:inline-flex">
                  {p.apiKey.isSet ? p.apiKey.masked : t("noKey")}
                </Badge>
                <RowActions
                  label={t("actions", { name: p.name })}
                  testId="preset-actions"
                  actions={[
                    { label: t("edit"), icon: PencilIcon, onSelect: () => setEditing({ preset: p }), testId: "preset-edit" },
                    { label: t("delete"), icon: Trash2Icon, onSelect: () => setRemoving(p), destructive: true, testId: "preset-delete" },
                  ]}
                />
              </li>
            ))}
          </ul>
        )}
      </div>
      {editing && <PresetDialog preset={editing.preset} onClose={() => setEditing(null)} />}
      <ConfirmDialog
        open={Boolean(removing)}
        onClose={() => setRemoving(null)}
        title={t("deleteTitle", { name: removing?.name ?? "" })}
        description={t("deleteText")}
        confirmLabel={t("deleteConfirm")}
        cancelLabel={t("cancel")}
        pending={remove.isPending}
        testId="preset-delete-confirm"
        onConfirm={confirmRemove}
      />
    </Section>
  );
}
