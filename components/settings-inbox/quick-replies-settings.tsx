"use client";

import { useState } from "react";
import { MessageSquareTextIcon, PaperclipIcon, PencilIcon, PlusIcon, Trash2Icon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { EmptyState } from "@/components/ui/empty-state";
import { Switch } from "@/components/ui/switch";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toast } from "@/components/ui/sonner";
import { FilterSelect } from "@/components/common/filter-select";
import { PageHeader } from "@/components/common/page-header";
import { SearchInput } from "@/components/common/search-input";
import { useRowSelection } from "@/components/common/use-row-selection";
import { useErrorMessage } from "@/components/common/use-api-errors";
import { useConfirmAction } from "@/components/common/use-confirm-action";
import { ConfirmDialog } from "@/components/common/confirm-dialog";
import { QueryState } from "@/components/common/query-state";
import { useAllQuickReplies, useDeleteQuickReply, useLiveQuickReplies, useUpdateQuickReply, type QuickReply } from "@/lib/client/quick-replies";
import { QuickReplyBulkBar } from "./quick-reply-bulk-bar";
import { QuickReplyDialog } from "./quick-reply-dialog";
import { RowActions } from "@/components/common/row-actions";

type Status = "active" | "inactive";

const matches = (r: QuickReply, term: string) => [r.shortcut, r.title, r.body].some((v) => v.toLowerCase().includes(term));

/** Settings → Quick replies: every reply (inactive too), filters, active switch per row and bulk actions. */
export function QuickRepliesSettings() {
  const t = useTranslations("quickRepliesSettings");
  const replies = useAllQuickReplies();
  const update = useUpdateQuickReply();
  const remove = useDeleteQuickReply();
  const errorMessage = useErrorMessage();
  const [search, setSearch] = useState("");
  const [category, setCategory] = useState<string | undefined>();
  const [status, setStatus] = useState<Status | undefined>();
  const [editing, setEditing] = useState<{ reply: QuickReply | null } | null>(null);
  const removal = useConfirmAction<QuickReply>(remove, (reply) => t("deleted", { shortcut: reply.shortcut }));
  const term = search.trim().toLowerCase();
  useLiveQuickReplies();

  const all = replies.data ?? [];
  const categories = [...new Set(all.flatMap((r) => (r.category ? [r.category] : [])))].sort();
  const rows = all.filter((r) => (!term || matches(r, term)) && (!category || r.category === category) && (!status || r.isActive === (status === "active")));
  const filtered = Boolean(term || category || status);
  const { selected, header, toggle, setAll, clear } = useRowSelection(
    rows.map((r) => r.id),
    JSON.stringify([term, category, status]),
  );

  const setActive = (r: QuickReply, isActive: boolean) =>
    update.mutate({ id: r.id, isActive }, { onSuccess: () => toast.success(t(isActive ? "activated" : "deactivated", { shortcut: r.shortcut })), onError: (e) => toast.error(errorMessage(e)) });

  const create = () => setEditing({ reply: null });

  return (
    <div className="flex flex-col gap-6" data-testid="quick-replies-settings">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Button onClick={create} data-testid="quick-reply-create">
            <PlusIcon />
            {t("new")}
          </Button>
        }
      />
      <div className="flex flex-wrap items-center gap-2">
        <SearchInput value={search} onValueChange={setSearch} placeholder={t("search")} aria-label={t("search")} className="w-full sm:w-64" data-testid="quick-replies-search" />
        <FilterSelect value={category} onChange={setCategory} options={categories.map((c) => ({ value: c, label: c }))} allLabel={t("allCategories")} label={t("colCategory")} testId="quick-replies-filter-category" />
        <FilterSelect
          value={status}
          onChange={setStatus}
          options={[
            { value: "active", label: t("statusActive") },
            { value: "inactive", label: t("statusInactive") },
          ]}
          allLabel={t("allStatuses")}
          label={t("colActive")}
          testId="quick-replies-filter-status"
        />
      </div>
      {selected.size > 0 && <QuickReplyBulkBar ids={[...selected]} onDone={clear} />}
      <div className="overflow-hidden rounded-lg border bg-card">
        <QueryState
          query={replies}
          skeleton={{ rows: 5, columns: 4 }}
          isEmpty={() => rows.length === 0}
          empty={
            <EmptyState
              icon={MessageSquareTextIcon}
              className="py-16"
              title={filtered ? t("noMatchTitle") : t("emptyTitle")}
              description={filtered ? t("noMatchText") : t("emptyText")}
              action={!filtered && <Button variant="outline" onClick={create}>{t("new")}</Button>}
            />
          }
        >
          {() => (
            <Table>
              <TableHeader>
                <TableRow className="hover:bg-transparent">
                  <TableHead className="w-10 pl-4">
                    <Checkbox
                      aria-label={t("selectAll")}
                      checked={header}
                      onCheckedChange={(on) => setAll(on === true)}
                      data-testid="quick-replies-select-all"
                    />
                  </TableHead>
                  <TableHead>{t("colReply")}</TableHead>
                  <TableHead className="hidden md:table-cell">{t("colCategory")}</TableHead>
                  <TableHead className="hidden text-right sm:table-cell">{t("colUsage")}</TableHead>
                  <TableHead>{t("colActive")}</TableHead>
                  <TableHead className="w-12" />
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((r) => (
                  <TableRow key={r.id} data-testid="quick-reply-row" data-shortcut={r.shortcut} data-state={selected.has(r.id) ? "selected" : undefined} className={r.isActive ? undefined : "text-muted-foreground"}>
                    <TableCell className="pl-4">
                      <Checkbox aria-label={t("select", { shortcut: r.shortcut })} checked={selected.has(r.id)} onCheckedChange={(on) => toggle(r.id, on === true)} data-testid={`quick-reply-select-${r.shortcut}`} />
                    </TableCell>
                    <TableCell className="max-w-0 w-full">
                      <div className="flex min-w-0 flex-col">
                        <span className="flex items-center gap-2">
                          <code className="rounded bg-muted px-1.5 py-0.5 text-xs">/{r.shortcut}</code>
                          <span className="truncate font-medium">{r.title}</span>
                          {r.media && <PaperclipIcon className="size-3.5 shrink-0 text-muted-foreground" aria-label={t("hasMedia")} />}
                        </span>
                        <span className="truncate text-xs text-muted-foreground">{r.body}</span>
                      </div>
                    </TableCell>
                    <TableCell className="hidden text-muted-foreground md:table-cell">{r.category ?? "—"}</TableCell>
                    <TableCell className="hidden text-right tabular-nums sm:table-cell">{r.usageCount}</TableCell>
                    <TableCell>
                      <Switch checked={r.isActive} onCheckedChange={(on) => setActive(r, on)} aria-label={t("toggleActive", { shortcut: r.shortcut })} data-testid={`quick-reply-active-${r.shortcut}`} />
                    </TableCell>
                    <TableCell className="pr-3 text-right">
                      <RowActions
                        label={t("actions", { shortcut: r.shortcut })}
                        testId={`quick-reply-actions-${r.shortcut}`}
                        actions={[
                          { label: t("edit"), icon: PencilIcon, onSelect: () => setEditing({ reply: r }), testId: "quick-reply-edit" },
                          { label: t("delete"), icon: Trash2Icon, onSelect: () => removal.ask(r), destructive: true, testId: "quick-reply-delete" },
                        ]}
                      />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </QueryState>
      </div>
      <QuickReplyDialog open={Boolean(editing)} reply={editing?.reply ?? null} categories={categories} onClose={() => setEditing(null)} />
      <ConfirmDialog
        {...removal.dialog}
        title={t("deleteDialog.title", { shortcut: removal.target?.shortcut ?? "" })}
        description={t("deleteDialog.description")}
        confirmLabel={t("deleteDialog.confirm")}
        cancelLabel={t("deleteDialog.cancel")}
        testId="quick-reply-delete-confirm"
      />
    </div>
  );
}
