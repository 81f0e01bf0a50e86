"use client";

import { useState } from "react";
import type { UseQueryResult } from "@tanstack/react-query";
import { PlusIcon, UsersRoundIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { ErrorState } from "@/components/common/error-state";
import { RelativeTime } from "@/components/common/relative-time";
import { UserAvatar } from "@/components/common/user-avatar";
import type { SandboxCustomers } from "@/lib/client/sandbox";
import { cn } from "@/lib/utils";
import { NewCustomerDialog } from "./new-customer-dialog";

export const formatWaId = (waId: string) => `+${waId}`;

function ListSkeleton() {
  return (
    <div className="divide-y" aria-busy="true">
      {[0, 1, 2].map((i) => (
        <div key={i} className="flex items-center gap-3 px-4 py-3">
          <Skeleton className="size-10 rounded-full" />
          <div className="flex-1 space-y-2">
            <Skeleton className="h-3 w-28" />
            <Skeleton className="h-3 w-40" />
          </div>
        </div>
      ))}
    </div>
  );
}

export function CustomerList({
  query,
  selectedId,
  onSelect,
}: {
  query: UseQueryResult<SandboxCustomers>;
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const t = useTranslations("sandbox.customers");
  const [open, setOpen] = useState(false);
  const customers = query.data?.data ?? [];

  return (
    <section className="overflow-hidden rounded-xl border bg-card" aria-labelledby="sandbox-customers-title">
      <header className="flex items-center justify-between gap-2 border-b px-4 py-3">
        <h2 id="sandbox-customers-title" className="text-sm font-semibold">
          {t("title")}
        </h2>
        <Button size="sm" variant="outline" onClick={() => setOpen(true)} data-testid="sandbox-new-customer">
          <PlusIcon />
          {t("new")}
        </Button>
      </header>
      {query.isPending ? (
        <ListSkeleton />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : customers.length === 0 ? (
        <EmptyState
          icon={UsersRoundIcon}
          title={t("empty")}
          description={t("emptyText")}
          action={
            <Button size="sm" onClick={() => setOpen(true)}>
              <PlusIcon />
              {t("new")}
            </Button>
          }
        />
      ) : (
        <ul className="max-h-[640px] divide-y overflow-y-auto" role="listbox" aria-label={t("title")}>
          {customers.map((c) => {
            const active = c.id === selectedId;
            const name = c.name ?? formatWaId(c.waId);
            return (
              <li key={c.id} role="option" aria-selected={active}>
                <button
                  type="button"
                  onClick={() => onSelect(c.id)}
                  data-testid="sandbox-customer"
                  data-customer-id={c.id}
                  className={cn(
                    "flex w-full items-center gap-3 px-4 py-3 text-left transition-colors outline-none hover:bg-muted/60 focus-visible:bg-muted/60",
                    active && "bg-emerald-50 hover:bg-emerald-50 dark:bg-emerald-500/10 dark:hover:bg-emerald-500/10",
                  )}
                >
                  <UserAvatar name={name} size="lg" />
                  <span className="min-w-0 flex-1">
                    <span className="flex items-baseline justify-between gap-2">
                      <span className="truncate text-sm font-medium">{name}</span>
                      <span className="shrink-0 text-[11px] text-muted-foreground">
                        <RelativeTime value={c.lastMessageAt} fallback="" />
                      </span>
                    </span>
                    <span className="block truncate text-xs text-muted-foreground">{c.lastMessagePreview ?? formatWaId(c.waId)}</span>
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <NewCustomerDialog open={open} setOpen={setOpen} onCreated={onSelect} />
    </section>
  );
}
