"use client";

import { useState } from "react";
import { ArrowLeftIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Sheet, SheetContent, SheetDescription, SheetHeader, SheetTitle } from "@/components/ui/sheet";
import { Skeleton } from "@/components/ui/skeleton";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/common/pagination";
import { QueryState } from "@/components/common/query-state";
import { TRACE_MAX_DAYS, useTraces } from "@/lib/client/bot-library";
import { TraceDetailView } from "./trace-detail";
import { TraceRows } from "./traces-table";

const LIMIT = 50;

export type TraceTarget = { traceId: string } | { conversationId: string; displayId: number } | null;

/** One turn in detail, or the turns of one conversation to pick from. */
export function TraceDrawer({ target, onClose }: { target: TraceTarget; onClose: () => void }) {
  return (
    <Sheet open={Boolean(target)} onOpenChange={(o) => !o && onClose()}>
      <SheetContent className="w-full sm:max-w-2xl" data-testid="trace-drawer">
        {target && ("traceId" in target ? <TraceDetailView traceId={target.traceId} /> : <ConversationTraces key={target.conversationId} conversationId={target.conversationId} displayId={target.displayId} />)}
      </SheetContent>
    </Sheet>
  );
}

function ConversationTraces({ conversationId, displayId }: { conversationId: string; displayId: number }) {
  const t = useTranslations("botLibrary.metrics.drawer");
  const [traceId, setTraceId] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const traces = useTraces({ days: TRACE_MAX_DAYS, page, limit: LIMIT, conversationId });
  if (traceId)
    return (
      <>
        <div className="px-4 pt-4">
          <Button variant="ghost" size="sm" onClick={() => setTraceId(null)} data-testid="trace-back">
            <ArrowLeftIcon />
            {t("back")}
          </Button>
        </div>
        <TraceDetailView traceId={traceId} />
      </>
    );
  return (
    <>
      <SheetHeader>
        <SheetTitle>{t("conversationTitle", { id: displayId })}</SheetTitle>
        <SheetDescription>{t("conversationText")}</SheetDescription>
      </SheetHeader>
      <div className="px-0">
        <QueryState
          query={traces}
          skeleton={
            <div className="flex flex-col gap-2 px-4">
              {Array.from({ length: 4 }, (_, i) => (
                <Skeleton key={i} className="h-12 w-full" />
              ))}
            </div>
          }
          empty={<EmptyState title={t("noTraces")} />}
        >
          {(found) => (
            <>
              <TraceRows traces={found.data} onOpen={setTraceId} />
              <div className="px-4 py-3">
                <Pagination page={page} limit={LIMIT} total={found.total} onPage={setPage} />
              </div>
            </>
          )}
        </QueryState>
      </div>
    </>
  );
}
