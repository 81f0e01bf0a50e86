"use client";

import { useTranslations } from "next-intl";
import { PageHeader } from "@/components/common/page-header";
import { useLiveKnowledge } from "@/lib/client/bot-knowledge";
import { DocumentList } from "./document-list";
import { EmbeddingInfo } from "./embedding-info";
import { RetrievalTest } from "./retrieval-test";
import { UploadZone } from "./upload-zone";

/** Bot → Knowledge: the organization's documents, their ingestion, and a retrieval tester. */
export function KnowledgePage() {
  const t = useTranslations("botKnowledge");
  useLiveKnowledge();
  return (
    <div className="flex flex-col gap-6" data-testid="knowledge-page">
      <PageHeader title={t("title")} description={t("description")} />
      <EmbeddingInfo />
      <UploadZone />
      <DocumentList />
      <RetrievalTest />
    </div>
  );
}
