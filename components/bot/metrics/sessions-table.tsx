"use client";

import { useState } from "react";
import Link from "next/link";
import { MessagesSquareIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { FilterSelect } from "@/components/common/filter-select";
import { Pagination } from "@/components/common/pagination";
import { QueryState } from "@/components/common/query-state";
import { RelativeTime } from "@/components/common/relative-time";
import { useKeyedState } from "@/components/common/use-keyed-state";
import { useBotSessions, type ClosureType } from "@/lib/client/bot-library";

const CLOSURES: ClosureType[] = ["RESOLVED_CONFIRMED", "ABANDONED", "ESCALATED"];
const VARIANT = { RESOLVED_CONFIRMED: "success", ABANDONED: "muted", ESCALATED: "warning" } as const;
const LIMIT = 20;

/** Bot sessions (one per conversation the bot handled) and how they ended; a row opens its turns. */
export function SessionsTable({ days, onOpen }: { days: number; onOpen: (conversationId: string, displayId: number) => void }) {
  const t = useTranslations("botLibrary.metrics.sessions");
  const [closure, setClosure] = useState<ClosureType | undefined>();
  // A new period or filter starts again at its first page.
  const [page, setPage] = useKeyedState(1, `${days}:${closure ?? ""}`);
  const sessions = useBotSessions({ days, closureType: closure, page, limit: LIMIT });

  return (
    <section className="flex flex-col gap-3" aria-labelledby="sessions-heading" data-testid="metrics-sessions">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="sessions-heading" className="text-base font-semibold">
          {t("title")}
        </h2>
        <FilterSelect
          value={closure}
          onChange={setClosure}
          options={CLOSURES.map((c) => ({ value: c, label: t(`closure.${c}`) }))}
          allLabel={t("allClosures")}
          label={t("closureLabel")}
          testId="metrics-sessions-closure"
        />
      </div>
      <div className="overflow-hidden rounded-lg border bg-card">
        <QueryState
          query={sessions}
          skeleton={{ rows: 4, columns: 4 }}
          empty={<EmptyState icon={MessagesSquareIcon} className="py-10" title={t("emptyTitle")} description={closure ? t("noMatch") : t("emptyText")} />}
        >
          {(found) => (
            <Table aria-busy={sessions.isFetching}>
              <TableHeader>
                <TableRow className="hover:bg-transparent">
                  <TableHead className="pl-4">{t("colConversation")}</TableHead>
                  <TableHead className="text-right">{t("colTurns")}</TableHead>
                  <TableHead className="hidden sm:table-cell">{t("colStarted")}</TableHead>
                  <TableHead>{t("colClosure")}</TableHead>
                  <TableHead className="w-24" />
                </TableRow>
              </TableHeader>
              <TableBody>
                {found.data.map((s) => (
                  <TableRow key={s.id} data-testid="metrics-session-row">
                    <TableCell className="pl-4">
                      <Link href={`/inbox?c=${s.conversationId}`} className="font-medium underline-offset-4 hover:underline" data-testid="metrics-session-conversation">
                        #{s.conversationDisplayId}
                      </Link>
                      {s.contactName && <span className="ml-2 text-xs text-muted-foreground">{s.contactName}</span>}
                    </TableCell>
                    <TableCell className="text-right tabular-nums">{s.turns}</TableCell>
                    <TableCell className="hidden text-xs text-muted-foreground sm:table-cell">
                      <RelativeTime value={s.startedAt} />
                    </TableCell>
                    <TableCell>
                      {s.closureType ? <Badge variant={VARIANT[s.closureType]}>{t(`closure.${s.closureType}`)}</Badge> : <Badge variant="outline">{t("open")}</Badge>}
                    </TableCell>
                    <TableCell className="pr-3 text-right">
                      <Button variant="ghost" size="sm" onClick={() => onOpen(s.conversationId, s.conversationDisplayId)} data-testid="metrics-session-traces">
                        {t("traces")}
                      </Button>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </QueryState>
      </div>
      {sessions.data && <Pagination page={page} limit={LIMIT} total={sessions.data.total} onPage={setPage} />}
    </section>
  );
}
