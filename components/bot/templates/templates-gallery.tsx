"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { LayoutTemplateIcon, ListChecksIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { toast } from "@/components/ui/sonner";
import { ErrorState } from "@/components/common/error-state";
import { FilterSelect } from "@/components/common/filter-select";
import { PageHeader } from "@/components/common/page-header";
import { useErrorMessage } from "@/components/common/use-api-errors";
import { useBotTemplates, useImportTemplate, type BotTemplate } from "@/lib/client/bot-library";
import { draftHref } from "../versions/import-card";

/** Bot → Templates: ready-made bots (intents and prompt) to start a draft from. */
export function TemplatesGallery() {
  const t = useTranslations("botLibrary.templates");
  const templates = useBotTemplates();
  const use = useImportTemplate();
  const router = useRouter();
  const errorMessage = useErrorMessage();
  const [category, setCategory] = useState<string | undefined>();

  const all = templates.data ?? [];
  const categories = [...new Set(all.flatMap((x) => (x.category ? [x.category] : [])))].sort();
  const shown = category ? all.filter((x) => x.category === category) : all;

  const apply = (tpl: BotTemplate) =>
    use.mutate(tpl.id, {
      onSuccess: (r) => {
        toast.success(t("created", { name: r.config.name }));
        router.push(draftHref(r.config.id));
      },
      onError: (e) => toast.error(errorMessage(e)),
    });

  return (
    <div className="flex flex-col gap-6" data-testid="templates-page">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={categories.length > 1 && <FilterSelect value={category} onChange={setCategory} options={categories.map((c) => ({ value: c, label: c }))} allLabel={t("allCategories")} label={t("category")} testId="templates-category" />}
      />
      {templates.isPending ? (
        <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3" aria-busy="true">
          {Array.from({ length: 6 }, (_, i) => (
            <Skeleton key={i} className="h-44 w-full rounded-xl" />
          ))}
        </div>
      ) : templates.isError ? (
        <ErrorState className="rounded-lg border bg-card" error={templates.error} onRetry={() => void templates.refetch()} />
      ) : shown.length === 0 ? (
        <EmptyState icon={LayoutTemplateIcon} className="rounded-lg border bg-card py-16" title={t("emptyTitle")} description={t("emptyText")} data-testid="templates-empty" />
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
          {shown.map((tpl) => (
            <li key={tpl.id}>
              <Card className="h-full" data-testid="template-card" data-slug={tpl.slug}>
                <CardHeader>
                  <div className="flex flex-wrap items-center gap-2">
                    {tpl.category && <Badge variant="secondary">{tpl.category}</Badge>}
                    <Badge variant="outline">
                      <ListChecksIcon aria-hidden="true" />
                      {t("intents", { count: tpl.intentCount })}
                    </Badge>
                  </div>
                  <CardTitle className="mt-2">{tpl.name}</CardTitle>
                  <CardDescription className="line-clamp-4">{tpl.description ?? t("noDescription")}</CardDescription>
                </CardHeader>
                <CardContent className="flex-1" />
                <CardFooter>
                  <Button onClick={() => apply(tpl)} disabled={use.isPending} data-testid="template-use">
                    {use.isPending && use.variables === tpl.id && <Spinner label={t("using")} />}
                    {t("use")}
                  </Button>
                </CardFooter>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
