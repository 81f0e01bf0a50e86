"use client";

import { useTranslations } from "next-intl";
import { PageHeader } from "@/components/common/page-header";
import { ConnectionList } from "./connection-list";
import { ToolList } from "./tool-list";

/** Bot → Tools: HTTP tools with a test panel, and the connections that hold their credentials. */
export function ToolsPage() {
  const t = useTranslations("botTools");
  return (
    <div className="flex flex-col gap-8" data-testid="tools-page">
      <PageHeader title={t("title")} description={t("description")} />
      <ToolList />
      <ConnectionList />
    </div>
  );
}
