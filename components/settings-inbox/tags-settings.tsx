"use client";

import { useState } from "react";
import { PencilIcon, PlusIcon, TagIcon, Trash2Icon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { PageHeader } from "@/components/common/page-header";
import { SearchInput } from "@/components/common/search-input";
import { TagBadge } from "@/components/common/tag-badge";
import { useConfirmAction } from "@/components/common/use-confirm-action";
import { ConfirmDialog } from "@/components/common/confirm-dialog";
import { QueryState } from "@/components/common/query-state";
import { useDeleteTag, useLiveTags, useTags, type Tag } from "@/lib/client/tags";
import { RowActions } from "@/components/common/row-actions";
import { TagDialog } from "./tag-dialog";

/** Settings → Tags: the organization's tags with how many open conversations carry each. */
export function TagsSettings() {
  const t = useTranslations("tagsSettings");
  const tags = useTags();
  const remove = useDeleteTag();
  const [search, setSearch] = useState("");
  const [editing, setEditing] = useState<{ tag: Tag | null } | null>(null);
  const removal = useConfirmAction<Tag>(remove, (tag) => t("deleted", { name: tag.name }));
  useLiveTags();

  const term = search.trim().toLowerCase();
  const rows = (tags.data ?? []).filter((tag) => !term || tag.name.toLowerCase().includes(term) || tag.description?.toLowerCase().includes(term));

  return (
    <div className="flex flex-col gap-6" data-testid="tags-settings">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Button onClick={() => setEditing({ tag: null })} data-testid="tag-create">
            <PlusIcon />
            {t("new")}
          </Button>
        }
      />
      <SearchInput value={search} onValueChange={setSearch} placeholder={t("search")} aria-label={t("search")} className="w-full sm:w-72" data-testid="tags-search" />
      <div className="overflow-hidden rounded-lg border bg-card">
        <QueryState
          query={tags}
          skeleton={{ rows: 5, columns: 3 }}
          isEmpty={() => rows.length === 0}
          empty={
            <EmptyState
              icon={TagIcon}
              className="py-16"
              title={term ? t("noMatchTitle") : t("emptyTitle")}
              description={term ? t("noMatchText") : t("emptyText")}
              action={!term && <Button variant="outline" onClick={() => setEditing({ tag: null })}>{t("new")}</Button>}
            />
          }
        >
          {() => (
            <Table>
              <TableHeader>
                <TableRow className="hover:bg-transparent">
                  <TableHead className="pl-4">{t("colTag")}</TableHead>
                  <TableHead className="hidden md:table-cell">{t("colDescription")}</TableHead>
                  <TableHead className="text-right">{t("colConversations")}</TableHead>
                  <TableHead className="w-12" />
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((tag) => (
                  <TableRow key={tag.id} data-testid="tag-row" data-name={tag.name}>
                    <TableCell className="max-w-48 pl-4">
                      <TagBadge name={tag.name} color={tag.color} />
                    </TableCell>
                    <TableCell className="hidden max-w-md truncate text-muted-foreground md:table-cell">{tag.description ?? "—"}</TableCell>
                    <TableCell className="text-right tabular-nums">{tag.conversationCount}</TableCell>
                    <TableCell className="pr-3 text-right">
                      <RowActions
                        label={t("actions", { name: tag.name })}
                        testId={`tag-actions-${tag.name}`}
                        actions={[
                          { label: t("edit"), icon: PencilIcon, onSelect: () => setEditing({ tag }), testId: "tag-edit" },
                          { label: t("delete"), icon: Trash2Icon, onSelect: () => removal.ask(tag), destructive: true, testId: "tag-delete" },
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
      <TagDialog open={Boolean(editing)} tag={editing?.tag ?? null} onClose={() => setEditing(null)} />
      <ConfirmDialog
        {...removal.dialog}
        title={t("deleteDialog.title", { name: removal.target?.name ?? "" })}
        description={t("deleteDialog.description", { count: removal.target?.conversationCount ?? 0 })}
        confirmLabel={t("deleteDialog.confirm")}
        cancelLabel={t("deleteDialog.cancel")}
        testId="tag-delete-confirm"
      />
    </div>
  );
}
