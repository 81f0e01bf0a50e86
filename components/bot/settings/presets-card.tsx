"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { KeyRoundIcon, PencilIcon, PlusIcon, Trash2Icon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ConfirmDialog } from "@/components/common/confirm-dialog";
import { QueryState } from "@/components/common/query-state";
import { RowActions } from "@/components/common/row-actions";
import { useConfirmAction } from "@/components/common/use-confirm-action";
import { useDeletePreset, usePresets, type Preset } from "@/lib/client/bot";
import { Section } from "./config-settings-form";

const PresetDialog = dynamic(() => import("./preset-dialog").then((m) => m.PresetDialog), { ssr: false });

/** Named provider + model + key combinations, reusable by configs and by writing assist. */
export function PresetsCard() {
  const t = useTranslations("bot.presets");
  const tp = useTranslations("bot.provider.names");
  const presets = usePresets();
  const remove = useDeletePreset();
  const [editing, setEditing] = useState<{ preset: Preset | null } | null>(null);
  const removal = useConfirmAction<Preset>(remove, (preset) => t("deleted", { name: preset.name }));

  return (
    <Section title={t("title")} description={t("text")} testId="bot-presets">
      <div className="flex justify-end">
        <Button variant="outline" size="sm" onClick={() => setEditing({ preset: null })} data-testid="preset-create">
          <PlusIcon />
          {t("new")}
        </Button>
      </div>
      <div className="overflow-hidden rounded-lg border">
        <QueryState
          query={presets}
          skeleton={{ rows: 2, columns: 2 }}
          empty={<EmptyState icon={KeyRoundIcon} title={t("emptyTitle")} description={t("emptyText")} />}
        >
          {(data) => (
            <ul className="divide-y" data-testid="preset-list">
              {data.map((p) => (
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
                      { label: t("delete"), icon: Trash2Icon, onSelect: () => removal.ask(p), destructive: true, testId: "preset-delete" },
                    ]}
                  />
                </li>
              ))}
            </ul>
          )}
        </QueryState>
      </div>
      {editing && <PresetDialog preset={editing.preset} onClose={() => setEditing(null)} />}
      <ConfirmDialog
        {...removal.dialog}
        title={t("deleteTitle", { name: removal.target?.name ?? "" })}
        description={t("deleteText")}
        confirmLabel={t("deleteConfirm")}
        cancelLabel={t("cancel")}
        testId="preset-delete-confirm"
      />
    </Section>
  );
}
