"use client";

import { useTranslations } from "next-intl";
import { PageHeader } from "@/components/common/page-header";
import { useEditedConfigRow, useSelectedConfigId } from "@/components/bot/config-switcher";
import { ExportCard } from "./export-card";
import { ImportCard } from "./import-card";
import { SnapshotList } from "./snapshot-list";

/** Bot → Versions: snapshots of the edited config, export and import. */
export function VersionsPage() {
  const t = useTranslations("botLibrary.versions");
  const configId = useSelectedConfigId();
  const config = useEditedConfigRow();
  return (
    <div className="flex flex-col gap-6" data-testid="versions-page">
      <PageHeader title={t("title")} description={t("description")} />
      <SnapshotList configId={configId ?? config?.id ?? null} configName={config?.name ?? null} />
      <div className="grid gap-6 lg:grid-cols-2">
        <ExportCard configId={configId} />
        <ImportCard />
      </div>
    </div>
  );
}
