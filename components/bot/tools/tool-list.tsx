"use client";

import { useState } from "react";
import { FlaskConicalIcon, PencilIcon, PlusIcon, Trash2Icon, WrenchIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { ConfirmDialog } from "@/components/common/confirm-dialog";
import { QueryState } from "@/components/common/query-state";
import { RowActions } from "@/components/common/row-actions";
import { useConfirmAction } from "@/components/common/use-confirm-action";
import { useDeleteTool, useTools, type Tool } from "@/lib/client/bot-tools";
import { ToolDialog } from "./tool-dialog";
import { ToolTestSheet } from "./tool-test-sheet";

/** HTTP tools the bot (and, when allowed, agents) can call. */
export function ToolList() {
  const t = useTranslations("botTools.tools");
  const tools = useTools();
  const remove = useDeleteTool();
  const [editing, setEditing] = useState<{ tool: Tool | null } | null>(null);
  const [testing, setTesting] = useState<Tool | null>(null);
  const removal = useConfirmAction<Tool>(remove, (tool) => t("deleted", { name: tool.name }));
  const create = () => setEditing({ tool: null });

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
        <QueryState
          query={tools}
          skeleton={{ rows: 3, columns: 3 }}
          empty={<EmptyState icon={WrenchIcon} className="py-12" title={t("emptyTitle")} description={t("emptyText")} action={<Button variant="outline" onClick={create}>{t("new")}</Button>} />}
        >
          {(data) => (
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
                {data.map((tool) => (
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
                          { label: t("delete"), icon: Trash2Icon, onSelect: () => removal.ask(tool), destructive: true, testId: "tool-delete" },
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
      <ToolDialog open={Boolean(editing)} tool={editing?.tool ?? null} onClose={() => setEditing(null)} />
      <ToolTestSheet tool={testing} onClose={() => setTesting(null)} />
      <ConfirmDialog
        {...removal.dialog}
        title={t("deleteDialog.title", { name: removal.target?.name ?? "" })}
        description={t("deleteDialog.description")}
        confirmLabel={t("deleteDialog.confirm")}
        cancelLabel={t("deleteDialog.cancel")}
        testId="tool-delete-confirm"
      />
    </section>
  );
}
