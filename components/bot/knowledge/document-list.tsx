"use client";

import { useState } from "react";
import { FileTextIcon, LibraryIcon, Rows3Icon, Trash2Icon } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { ConfirmDialog } from "@/components/common/confirm-dialog";
import { QueryState } from "@/components/common/query-state";
import { RelativeTime } from "@/components/common/relative-time";
import { RowActions } from "@/components/common/row-actions";
import { useConfirmAction } from "@/components/common/use-confirm-action";
import { useDeleteDocument, useDocuments, type BotDocument } from "@/lib/client/bot-knowledge";
import { ChunkSheet } from "./chunk-sheet";
import { DocumentStatus } from "./document-status";

export function formatSize(bytes: number, format: ReturnType<typeof useFormatter>) {
  if (bytes < 1024 * 1024) return `${format.number(bytes / 1024, { maximumFractionDigits: 0 })} KB`;
  return `${format.number(bytes / 1024 / 1024, { maximumFractionDigits: 1 })} MB`;
}

/** The organization's documents with size, pages, chunks and live ingestion status. */
export function DocumentList() {
  const t = useTranslations("botKnowledge.list");
  const format = useFormatter();
  const docs = useDocuments();
  const remove = useDeleteDocument();
  const removal = useConfirmAction<BotDocument>(remove, (doc) => t("deleted", { title: doc.title }));
  const [viewing, setViewing] = useState<BotDocument | null>(null);

  return (
    <div className="overflow-hidden rounded-lg border bg-card" data-testid="knowledge-doc-list">
      <QueryState
        query={docs}
        skeleton={{ rows: 4, columns: 5 }}
        empty={<EmptyState icon={LibraryIcon} className="py-14" title={t("emptyTitle")} description={t("emptyText")} data-testid="knowledge-empty" />}
      >
        {(data) => (
          <Table>
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead className="pl-4">{t("colDocument")}</TableHead>
                <TableHead className="hidden text-right md:table-cell">{t("colSize")}</TableHead>
                <TableHead className="hidden text-right md:table-cell">{t("colPages")}</TableHead>
                <TableHead className="hidden text-right sm:table-cell">{t("colChunks")}</TableHead>
                <TableHead>{t("colStatus")}</TableHead>
                <TableHead className="w-12" />
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.map((d) => (
                <TableRow key={d.id} data-testid="knowledge-doc-row" data-title={d.title} data-status={d.status}>
                  <TableCell className="w-full max-w-0 pl-4">
                    <div className="flex min-w-0 items-start gap-2">
                      <FileTextIcon className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden="true" />
                      <div className="min-w-0">
                        <p className="truncate font-medium">{d.title}</p>
                        <p className="truncate text-xs text-muted-foreground">
                          {d.filename ?? d.mimeType} · <RelativeTime value={d.createdAt} />
                          <span className="md:hidden"> · {formatSize(d.size, format)}</span>
                        </p>
                        {d.error && (
                          <p className="mt-0.5 line-clamp-2 text-xs whitespace-normal text-destructive" data-testid="knowledge-doc-error">
                            {d.error}
                          </p>
                        )}
                      </div>
                    </div>
                  </TableCell>
                  <TableCell className="hidden text-right tabular-nums md:table-cell">{formatSize(d.size, format)}</TableCell>
                  <TableCell className="hidden text-right tabular-nums md:table-cell">{d.pageCount ?? "—"}</TableCell>
                  <TableCell className="hidden text-right tabular-nums sm:table-cell" data-testid="knowledge-doc-chunks">
                    {d.chunkCount}
                  </TableCell>
                  <TableCell>
                    <DocumentStatus doc={d} />
                  </TableCell>
                  <TableCell className="pr-3 text-right">
                    <RowActions
                      label={t("actions", { title: d.title })}
                      testId="knowledge-doc-actions"
                      actions={[
                        d.chunkCount > 0 && { label: t("viewChunks"), icon: Rows3Icon, onSelect: () => setViewing(d), testId: "knowledge-doc-chunks-open" },
                        { label: t("delete"), icon: Trash2Icon, onSelect: () => removal.ask(d), destructive: true, testId: "knowledge-doc-delete" },
                      ]}
                    />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </QueryState>
      <ChunkSheet doc={viewing} onClose={() => setViewing(null)} />
      <ConfirmDialog
        {...removal.dialog}
        title={t("deleteDialog.title", { title: removal.target?.title ?? "" })}
        description={t("deleteDialog.description")}
        confirmLabel={t("deleteDialog.confirm")}
        cancelLabel={t("deleteDialog.cancel")}
        testId="knowledge-doc-delete-confirm"
      />
    </div>
  );
}
