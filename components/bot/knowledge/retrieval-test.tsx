"use client";

import { useState, type FormEvent } from "react";
import { SearchIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { useErrorMessage } from "@/components/common/use-api-errors";
import { useTestRag } from "@/lib/client/bot-knowledge";

const score = (n: number | null) => (n === null ? "—" : n.toFixed(3));

/** Ask a question and see which passages the bot would ground its answer on, with their scores. */
export function RetrievalTest() {
  const t = useTranslations("botKnowledge.rag");
  const errorMessage = useErrorMessage();
  const rag = useTestRag();
  const [query, setQuery] = useState("");

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (query.trim()) rag.mutate({ query: query.trim() });
  };

  return (
    <Card data-testid="knowledge-rag">
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <form onSubmit={submit} className="flex gap-2" role="search">
          <Input value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t("placeholder")} aria-label={t("placeholder")} maxLength={500} data-testid="knowledge-rag-query" />
          <Button type="submit" disabled={!query.trim() || rag.isPending} data-testid="knowledge-rag-submit">
            {rag.isPending ? <Spinner label={t("searching")} /> : <SearchIcon />}
            <span className="hidden sm:inline">{t("submit")}</span>
          </Button>
        </form>
        {rag.isError && (
          <p role="alert" className="text-sm text-destructive" data-testid="knowledge-rag-error">
            {errorMessage(rag.error)}
          </p>
        )}
        {rag.data && (
          <div className="flex flex-col gap-3" aria-live="polite" data-testid="knowledge-rag-result">
            <div className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
              <Badge variant={rag.data.mode === "hybrid" ? "success" : "muted"} data-testid="knowledge-rag-mode">
                {t(rag.data.mode === "hybrid" ? "modeHybrid" : "modeText")}
              </Badge>
              <span>{t("summary", { count: rag.data.passages.length, ms: rag.data.ms })}</span>
            </div>
            {rag.data.passages.length === 0 ? (
              <EmptyState icon={SearchIcon} className="py-6" title={t("noneTitle")} description={t("noneText")} />
            ) : (
              <ol className="flex flex-col gap-2">
                {rag.data.passages.map((p, i) => (
                  <li key={p.chunkId} className="rounded-md border p-3" data-testid="knowledge-rag-passage">
                    <div className="mb-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs">
                      <span className="font-medium">
                        {i + 1}. {p.title}
                        {p.location && <span className="font-normal text-muted-foreground"> · {p.location}</span>}
                      </span>
                      <span className="ml-auto tabular-nums text-muted-foreground">
                        {t("score")} <strong className="text-foreground">{score(p.score)}</strong> · {t("textScore")} {score(p.textScore)} · {t("vectorScore")} {score(p.vectorScore)}
                      </span>
                    </div>
                    <p className="line-clamp-6 text-sm whitespace-pre-wrap text-muted-foreground">{p.content}</p>
                  </li>
                ))}
              </ol>
            )}
          </div>
        )}
      </CardContent>
    </Card>
  );
}
