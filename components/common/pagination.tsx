"use client";

import { ChevronLeftIcon, ChevronRightIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

export function Pagination({ page, limit, total, onPage }: { page: number; limit: number; total: number; onPage: (page: number) => void }) {
  const t = useTranslations("common");
  if (total === 0) return null;
  const pages = Math.max(1, Math.ceil(total / limit));
  const from = (page - 1) * limit + 1;
  const to = Math.min(total, page * limit);
  return (
    <div className="flex items-center justify-between gap-2 px-1 text-sm text-muted-foreground">
      <span>{t("showing", { from, to, total })}</span>
      {pages > 1 && (
        <div className="flex items-center gap-1">
          <Button variant="outline" size="icon-sm" disabled={page <= 1} onClick={() => onPage(page - 1)} aria-label={t("previousPage")}>
            <ChevronLeftIcon />
          </Button>
          <span className="px-2 tabular-nums">{t("pageOf", { page, pages })}</span>
          <Button variant="outline" size="icon-sm" disabled={page >= pages} onClick={() => onPage(page + 1)} aria-label={t("nextPage")}>
            <ChevronRightIcon />
          </Button>
        </div>
      )}
    </div>
  );
}
