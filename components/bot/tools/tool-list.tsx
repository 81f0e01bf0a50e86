"use client";

import { useState } from "react";
import { FlaskConicalIcon, PencilIcon, PlusIcon, Trash2Icon, WrenchIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toast } from "@/components/ui/sonner";
import { ConfirmDialog } from "@/components/common/confirm-dialog";
import { ErrorState } from "@/components/common/error-state";
import { RowActions } from "@/components/common/row-actions";
import { TableSkeleton } from "@/components/common/table-skeleton";
import { useErrorMessage } from "@/components/common/use-api-errors";
import { useDeleteTool, useTools, type Tool } from "@/lib/client/bot-tools";
import { ToolDialog } from "./tool-dialog";
import { ToolTestSheet } from "./tool-test-sheet";

/** HTTP tools the bot (and, when allowed, agents) can call. */
export function ToolList() {
  const t = useTranslations("botTools.tools");
  const tools = useTools();
  const remove = useDeleteTool();
  const errorMessage = useErrorMessage();
  const [editing, setEditing] = useState<{ tool: Tool | null } | null>(null);
  const [testing, setTesting] = useState<Tool | null>(null);
  const [removing, setRemoving] = useState<Tool | null>(null);
  const create = () => setEditing({ tool: null });

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
    <section className="flex flex-col gap-3" aria-labelledby="tools-heading">
      <div className="flex items-center justify-between gap-2">
        <h2 id="tools-heading" className="text-base font-semibold">
          {t("title")}
        </h2>
        <Button size="sm" onClick={create} data-testid="tool-create">
          <PlusIcon />
          {t("new")}
        </Button>
      </div>
      <div className="overflow-hidden rounded-lg border bg-card">
        {tools.isPending ? (
          <TableSkeleton rows={3} columns={3} />
        ) : tools.isError ? (
          <ErrorState error={tools.error} onRetry={() => void tools.refetch()} />
        ) : tools.data.length === 0 ? (
          <EmptyState icon={WrenchIcon} className="py-12" title={t("emptyTitle")} description={t("emptyText")} action={<Button variant="outline" onClick={create}>{t("new")}</Button>} />
        ) : (
          <Table>
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead className="pl-4">{t("colTool")}</TableHead>
                <TableHead className="hidden md:table-cell">{t("colRequest")}</TableHead>
                <TableHead>{t("colStatus")}</TableHead>
                <TableHead className="w-12" />
              </TableRow>
            </TableHeader>
            <TableBody>
              {tools.data.map((tool) => (
                <TableRow key={tool.id} data-testid="tool-row" data-name={tool.name} className={tool.isActive ? undefined : "text-muted-foreground"}>
                  <TableCell className="w-full max-w-0 pl-4">
                    <p className="truncate font-mono text-sm font-medium">{tool.name}</p>
                    <p className="truncate text-xs text-muted-foreground">{tool.description}</p>
                  </TableCell>
                  <TableCell className="hidden max-w-64 md:table-cell">
                    <span className="block truncate font-mono text-xs">
                      <strong>{tool.method}</strong> {tool.url}
                    </span>
                  </TableCell>
                  <TableCell>
                    <div className="flex flex-wrap gap-1">
                      <Badge variant={tool.isActive ? "success" : "muted"}>{tool.isActive ? t("active") : t("inactive")}</Badge>
                      {tool.availableToAgents && <Badge variant="outline">{t("agents")}</Badge>}
                    </div>
                  </TableCell>
                  <TableCell className="pr-3 text-right">
                    <RowActions
                      label={t("actions", { name: tool.name })}
                      testId="tool-actions"
                      actions={[
                        { label: t("test"), icon: FlaskConicalIcon, onSelect: () => setTesting(tool), testId: "tool-test" },
                        { label: t("edit"), icon: PencilIcon, onSelect: () => setEditing({ tool }), testId: "tool-edit" },
                        { label: t("delete"), icon: Trash2Icon, onSelect: () => setRemoving(tool), destructive: true, testId: "tool-delete" },
                      ]}
                    />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </div>
      <ToolDialog open={Boolean(editing)} tool={editing?.tool ?? null} onClose={() => setEditing(null)} />
      <ToolTestSheet tool={testing} onClose={() => setTesting(null)} />
      <ConfirmDialog
        open={Boolean(removing)}
        onClose={() => setRemoving(null)}
        title={t("deleteDialog.title", { name: removing?.name ?? "" })}
        description={t("deleteDialog.description")}
        confirmLabel={t("deleteDialog.confirm")}
        cancelLabel={t("deleteDialog.cancel")}
        pending={remove.isPending}
        testId="tool-delete-confirm"
        onConfirm={confirmRemove}
      />
    </section>
  );
}
