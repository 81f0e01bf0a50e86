"use client";

import { useState } from "react";
import { ChevronLeftIcon, ChevronRightIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Sheet, SheetContent, SheetDescription, SheetHeader, SheetTitle } from "@/components/ui/sheet";
import { Skeleton } from "@/components/ui/skeleton";
import { ErrorState } from "@/components/common/error-state";
import { useDocumentChunks, type BotDocument } from "@/lib/client/bot-knowledge";

const LIMIT = 20;

/** The chunks a document was split into, page by page, as retrieval sees them. */
export function ChunkSheet({ doc, onClose }: { doc: BotDocument | null; onClose: () => void }) {
  return (
    <Sheet open={Boolean(doc)} onOpenChange={(o) => !o && onClose()}>
      <SheetContent className="w-full sm:max-w-xl" data-testid="knowledge-chunk-sheet">
        {doc && <Chunks key={doc.id} doc={doc} />}
      </SheetContent>
    </Sheet>
  );
}

function Chunks({ doc }: { doc: BotDocument }) {
  const t = useTranslations("botKnowledge.chunks");
  const [page, setPage] = useState(1);
  const chunks = useDocumentChunks(doc.id, page, LIMIT);
  const pages = Math.max(1, Math.ceil((chunks.data?.total ?? 0) / LIMIT));
  return (
    <>
      <SheetHeader>
        <SheetTitle className="pr-6">{doc.title}</SheetTitle>
        <SheetDescription>{t("description", { count: doc.chunkCount })}</SheetDescription>
      </SheetHeader>
      <div className="flex flex-1 flex-col gap-3 px-4">
        {chunks.isPending ? (
          Array.from({ length: 4 }, (_, i) => <Skeleton key={i} className="h-24 w-full" />)
        ) : chunks.isError ? (
          <ErrorState error={chunks.error} onRetry={() => void chunks.refetch()} />
        ) : (
          <ol className="flex flex-col gap-3" aria-busy={chunks.isFetching}>
            {chunks.data.data.map((c) => (
              <li key={c.id} className="rounded-md border bg-muted/30 p-3" data-testid="knowledge-chunk">
                <div className="mb-1.5 flex flex-wrap items-center gap-1.5 text-xs text-muted-foreground">
                  <span className="font-medium text-foreground">#{c.position + 1}</span>
                  {c.location && <span>{c.location}</span>}
                  <span>· {t("tokens", { count: c.tokenCount })}</span>
                  <Badge variant={c.hasEmbedding ? "success" : "muted"} className="ml-auto">
                    {c.hasEmbedding ? t("embedded") : t("textOnly")}
                  </Badge>
                </div>
                <p className="text-sm whitespace-pre-wrap break-words">{c.content}</p>
              </li>
            ))}
          </ol>
        )}
      </div>
      {pages > 1 && (
        <div className="sticky bottom-0 flex items-center justify-between gap-2 border-t bg-background px-4 py-3 text-sm">
          <Button variant="outline" size="sm" disabled={page <= 1} onClick={() => setPage(page - 1)} data-testid="knowledge-chunks-prev">
            <ChevronLeftIcon />
            {t("previous")}
          </Button>
          <span className="tabular-nums text-muted-foreground">{t("page", { page, pages })}</span>
          <Button variant="outline" size="sm" disabled={page >= pages} onClick={() => setPage(page + 1)} data-testid="knowledge-chunks-next">
            {t("next")}
            <ChevronRightIcon />
          </Button>
        </div>
      )}
    </>
  );
}
