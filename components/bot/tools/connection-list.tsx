"use client";

import { useState } from "react";
import { CableIcon, PencilIcon, PlugZapIcon, PlusIcon, Trash2Icon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toast } from "@/components/ui/sonner";
import { ConfirmDialog } from "@/components/common/confirm-dialog";
import { QueryState } from "@/components/common/query-state";
import { RelativeTime } from "@/components/common/relative-time";
import { RowActions } from "@/components/common/row-actions";
import { useErrorMessage } from "@/components/common/use-api-errors";
import { useConfirmAction } from "@/components/common/use-confirm-action";
import { useConnections, useDeleteConnection, useTestConnection, type Connection } from "@/lib/client/bot-tools";
import { ConnectionDialog } from "./connection-dialog";

/** Base URLs with their credentials, shared by tools so a key lives in one place. */
export function ConnectionList() {
  const t = useTranslations("botTools.connections");
  const ta = useTranslations("botTools.auth");
  const connections = useConnections();
  const remove = useDeleteConnection();
  const test = useTestConnection();
  const errorMessage = useErrorMessage();
  const [editing, setEditing] = useState<{ connection: Connection | null } | null>(null);
  const removal = useConfirmAction<Connection>(remove, (c) => t("deleted", { name: c.name }));
  const create = () => setEditing({ connection: null });

  const runTest = (c: Connection) =>
    test.mutate(c.id, {
      onSuccess: (r) =>
        r.ok
          ? toast.success(t("testOk", { name: c.name, ms: r.ms, status: r.status ?? "—" }))
          : toast.error(t("testFailed", { name: c.name, error: r.error ?? `HTTP ${r.status ?? "—"}` })),
      onError: (e) => toast.error(errorMessage(e)),
    });

  return (
    <section className="flex flex-col gap-3" aria-labelledby="connections-heading">
      <div className="flex items-center justify-between gap-2">
        <div>
          <h2 id="connections-heading" className="text-base font-semibold">
            {t("title")}
          </h2>
          <p className="text-sm text-muted-foreground">{t("description")}</p>
        </div>
        <Button size="sm" variant="outline" onClick={create} data-testid="connection-create">
          <PlusIcon />
          {t("new")}
        </Button>
      </div>
      <div className="overflow-hidden rounded-lg border bg-card">
        <QueryState
          query={connections}
          skeleton={{ rows: 2, columns: 3 }}
          empty={<EmptyState icon={CableIcon} className="py-10" title={t("emptyTitle")} description={t("emptyText")} />}
        >
          {(data) => (
            <Table>
              <TableHeader>
                <TableRow className="hover:bg-transparent">
                  <TableHead className="pl-4">{t("colConnection")}</TableHead>
                  <TableHead className="hidden sm:table-cell">{t("colAuth")}</TableHead>
                  <TableHead>{t("colLastTest")}</TableHead>
                  <TableHead className="w-12" />
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.map((c) => (
                  <TableRow key={c.id} data-testid="connection-row" data-name={c.name} className={c.isActive ? undefined : "text-muted-foreground"}>
                    <TableCell className="w-full max-w-0 pl-4">
                      <p className="truncate font-medium">
                        {c.name}
                        {!c.isActive && <span className="ml-2 text-xs font-normal">({t("inactive")})</span>}
                      </p>
                      <p className="truncate font-mono text-xs text-muted-foreground">{c.baseUrl}</p>
                    </TableCell>
                    <TableCell className="hidden sm:table-cell">
                      <Badge variant="outline">{ta(c.authType)}</Badge>
                    </TableCell>
                    <TableCell className="text-xs whitespace-nowrap">
                      {c.lastTestedAt ? (
                        <span className="flex items-center gap-1.5" data-testid="connection-last-test">
                          <span className={c.lastTestOk ? "size-2 rounded-full bg-emerald-500" : "size-2 rounded-full bg-destructive"} aria-hidden="true" />
                          <span className="sr-only">{c.lastTestOk ? t("ok") : t("failed")}</span>
                          <RelativeTime value={c.lastTestedAt} />
                        </span>
                      ) : (
                        <span className="text-muted-foreground">{t("never")}</span>
                      )}
                    </TableCell>
                    <TableCell className="pr-3 text-right">
                      <RowActions
                        label={t("actions", { name: c.name })}
                        testId="connection-actions"
                        actions={[
                          { label: t("test"), icon: PlugZapIcon, onSelect: () => runTest(c), disabled: test.isPending, testId: "connection-test" },
                          { label: t("edit"), icon: PencilIcon, onSelect: () => setEditing({ connection: c }), testId: "connection-edit" },
                          { label: t("delete"), icon: Trash2Icon, onSelect: () => removal.ask(c), destructive: true, testId: "connection-delete" },
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
      <ConnectionDialog open={Boolean(editing)} connection={editing?.connection ?? null} onClose={() => setEditing(null)} />
      <ConfirmDialog
        {...removal.dialog}
        title={t("deleteDialog.title", { name: removal.target?.name ?? "" })}
        description={t("deleteDialog.description")}
        confirmLabel={t("deleteDialog.confirm")}
        cancelLabel={t("deleteDialog.cancel")}
        testId="connection-delete-confirm"
      />
    </section>
  );
}
