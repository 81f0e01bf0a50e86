"use client";

import { useState } from "react";
import { CopyIcon, EyeIcon, FileTextIcon, PencilIcon, PlusIcon, RefreshCwIcon, SendIcon, Trash2Icon, TrashIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Spinner } from "@/components/ui/spinner";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { toast } from "@/components/ui/sonner";
import { ErrorState } from "@/components/common/error-state";
import { FilterSelect } from "@/components/common/filter-select";
import { PageHeader } from "@/components/common/page-header";
import { Pagination } from "@/components/common/pagination";
import { RelativeTime } from "@/components/common/relative-time";
import { SearchInput } from "@/components/common/search-input";
import { TableSkeleton } from "@/components/common/table-skeleton";
import { useDebounced } from "@/components/common/use-debounced";
import { useErrorMessage } from "@/components/common/use-api-errors";
import { ConfirmDialog } from "@/components/common/confirm-dialog";
import { RowActions } from "@/components/common/row-actions";
import { useCan } from "@/lib/client/me";
import { useDeleteTemplate, useDeleteTemplateAtMeta, useDuplicateTemplate, useLiveTemplates, useSubmitTemplate, useSyncTemplates, useTemplates, type Template } from "@/lib/client/templates";
import { CATEGORIES, LANGUAGES, type Category } from "./editor-state";
import { editorMode, TemplateEditor } from "./template-editor";
import { TemplateStatusBadge } from "./status-badge";

const STATUSES = ["APPROVED", "PENDING", "REJECTED", "DRAFT", "PAUSED", "DISABLED", "REMOVED"] as const;
type Status = (typeof STATUSES)[number];
type Removal = { template: Template; atMeta: boolean };

function TemplateRowActions({ template, onOpen, onRemove }: { template: Template; onOpen: () => void; onRemove: (r: Removal) => void }) {
  const t = useTranslations("templates");
  const duplicate = useDuplicateTemplate();
  const submit = useSubmitTemplate();
  const errorMessage = useErrorMessage();
  const onError = (e: unknown) => toast.error(errorMessage(e));
  const removed = template.status === "REMOVED";
  const viewOnly = editorMode(template, true) === "view";
  return (
    <RowActions
      label={t("actions", { name: template.name })}
      testId="template-actions"
      actions={[
        { label: viewOnly ? t("view") : t("edit"), icon: viewOnly ? EyeIcon : PencilIcon, onSelect: onOpen, testId: "template-open" },
        template.status === "DRAFT" && {
          label: t("submitForReview"),
          icon: SendIcon,
          onSelect: () => submit.mutate(template.id, { onSuccess: () => toast.success(t("editor.submitted")), onError }),
          testId: "template-submit-action",
        },
        {
          label: t("duplicate"),
          icon: CopyIcon,
          onSelect: () => duplicate.mutate(template.id, { onSuccess: (copy) => toast.success(t("duplicated", { name: copy.name })), onError }),
          testId: "template-duplicate",
        },
        !removed && { label: t("delete"), icon: TrashIcon, onSelect: () => onRemove({ template, atMeta: false }), destructive: true, testId: "template-delete" },
        !removed &&
          Boolean(template.metaTemplateId) && {
            label: t("deleteAtMeta"),
            icon: Trash2Icon,
            onSelect: () => onRemove({ template, atMeta: true }),
            destructive: true,
            testId: "template-delete-meta",
          },
      ]}
    />
  );
}

export function TemplatesSettings() {
  const t = useTranslations("templates");
  const canManage = useCan("templates.manage");
  const [search, setSearch] = useState("");
  const [status, setStatus] = useState<Status | undefined>();
  const [category, setCategory] = useState<Category | undefined>();
  const [language, setLanguage] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<{ template: Template | null } | null>(null);
  const [removing, setRemoving] = useState<Removal | null>(null);
  const debounced = useDebounced(search.trim(), 300);
  const query = useTemplates({ search: debounced || undefined, status, category, language, page, limit: 20 });
  const sync = useSyncTemplates();
  const softDelete = useDeleteTemplate();
  const metaDelete = useDeleteTemplateAtMeta();
  const errorMessage = useErrorMessage();
  useLiveTemplates();

  const rows = query.data?.data ?? [];
  const filtered = Boolean(debounced || status || category || language);
  const filter = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setPage(1);
  };

  const runSync = () =>
    sync.mutate(undefined, {
      onSuccess: (r) => toast.success(t("synced", { created: r.created, updated: r.updated, removed: r.removed })),
      onError: (e) => toast.error(errorMessage(e)),
    });

  const confirmRemove = () => {
    if (!removing) return;
    const mutation = removing.atMeta ? metaDelete : softDelete;
    mutation.mutate(removing.template.id, {
      onSuccess: () => {
        toast.success(t("deleted", { name: removing.template.name }));
        setRemoving(null);
      },
      onError: (e) => toast.error(errorMessage(e)),
    });
  };

  return (
    <div className="flex flex-col gap-6" data-testid="templates-settings">
      <PageHeader
        title={t("title")}
        description={canManage ? t("description") : t("descriptionReadOnly")}
        actions={
          canManage && (
            <>
              <Button variant="outline" onClick={runSync} disabled={sync.isPending} data-testid="templates-sync">
                {sync.isPending ? <Spinner /> : <RefreshCwIcon />}
                {t("sync")}
              </Button>
              <Button onClick={() => setEditing({ template: null })} data-testid="template-new">
                <PlusIcon />
                {t("new")}
              </Button>
            </>
          )
        }
      />
      <div className="flex flex-wrap items-center gap-2">
        <SearchInput value={search} onValueChange={filter(setSearch)} placeholder={t("searchPlaceholder")} aria-label={t("searchPlaceholder")} className="w-full sm:w-64" data-testid="templates-search" />
        <FilterSelect value={status} onChange={filter(setStatus)} options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} allLabel={t("allStatuses")} label={t("colStatus")} testId="templates-filter-status" />
        <FilterSelect value={category} onChange={filter(setCategory)} options={CATEGORIES.map((c) => ({ value: c, label: t(`editor.categories.${c}`) }))} allLabel={t("allCategories")} label={t("colCategory")} testId="templates-filter-category" />
        <FilterSelect value={language} onChange={filter(setLanguage)} options={LANGUAGES.map((l) => ({ value: l, label: l }))} allLabel={t("allLanguages")} label={t("colLanguage")} testId="templates-filter-language" />
      </div>
      <div className="overflow-hidden rounded-lg border bg-card">
        {query.isPending ? (
          <TableSkeleton rows={5} columns={5} />
        ) : query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : rows.length === 0 ? (
          <EmptyState
            icon={FileTextIcon}
            className="py-16"
            title={filtered ? t("noMatchTitle") : t("emptyTitle")}
            description={filtered ? t("noMatchText") : canManage ? t("emptyText") : t("emptyTextReadOnly")}
            action={
              !filtered &&
              canManage && (
                <>
                  <Button variant="outline" onClick={() => setEditing({ template: null })}>
                    {t("new")}
                  </Button>
                  <Button variant="ghost" onClick={runSync} disabled={sync.isPending}>
                    {t("sync")}
                  </Button>
                </>
              )
            }
          />
        ) : (
          <Table>
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead className="pl-4">{t("colName")}</TableHead>
                <TableHead>{t("colCategory")}</TableHead>
                <TableHead>{t("colStatus")}</TableHead>
                <TableHead className="hidden md:table-cell">{t("colQuality")}</TableHead>
                <TableHead className="hidden lg:table-cell">{t("colUpdated")}</TableHead>
                <TableHead className="w-12" />
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((tpl) => (
                <TableRow key={tpl.id} data-testid="template-row" data-name={tpl.name} className="cursor-pointer" onClick={() => setEditing({ template: tpl })}>
                  <TableCell className="pl-4">
                    <div className="flex flex-col">
                      <span className="font-medium">{tpl.name}</span>
                      <span className="font-mono text-xs text-muted-foreground">{tpl.language}</span>
                    </div>
                  </TableCell>
                  <TableCell className="text-muted-foreground">{t(`editor.categories.${tpl.category}`)}</TableCell>
                  <TableCell>
                    {tpl.status === "REJECTED" && tpl.rejectedReason ? (
                      <Tooltip>
                        <TooltipTrigger asChild>
                          <span>
                            <TemplateStatusBadge status={tpl.status} />
                          </span>
                        </TooltipTrigger>
                        <TooltipContent>{tpl.rejectedReason}</TooltipContent>
                      </Tooltip>
                    ) : (
                      <TemplateStatusBadge status={tpl.status} />
                    )}
                  </TableCell>
                  <TableCell className="hidden text-muted-foreground md:table-cell">{tpl.qualityScore ?? "—"}</TableCell>
                  <TableCell className="hidden text-muted-foreground lg:table-cell">
                    <RelativeTime value={tpl.updatedAt} />
                  </TableCell>
                  <TableCell className="pr-3 text-right" onClick={(e) => e.stopPropagation()}>
                    {canManage && <TemplateRowActions template={tpl} onOpen={() => setEditing({ template: tpl })} onRemove={setRemoving} />}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </div>
      {query.data && <Pagination page={query.data.page} limit={query.data.limit} total={query.data.total} onPage={setPage} />}
      <TemplateEditor open={Boolean(editing)} template={editing?.template ?? null} canManage={canManage} onClose={() => setEditing(null)} />
      <ConfirmDialog
        open={Boolean(removing)}
        onClose={() => setRemoving(null)}
        title={t(removing?.atMeta ? "deleteMetaDialog.title" : "deleteDialog.title", { name: removing?.template.name ?? "" })}
        description={t(removing?.atMeta ? "deleteMetaDialog.description" : "deleteDialog.description")}
        confirmLabel={t("deleteDialog.confirm")}
        cancelLabel={t("deleteDialog.cancel")}
        pending={softDelete.isPending || metaDelete.isPending}
        testId="template-delete-confirm"
        onConfirm={confirmRemove}
      />
    </div>
  );
}
