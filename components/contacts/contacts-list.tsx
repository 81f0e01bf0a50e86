"use client";

import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { ContactIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Spinner } from "@/components/ui/spinner";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { ErrorState } from "@/components/common/error-state";
import { PageHeader } from "@/components/common/page-header";
import { RelativeTime } from "@/components/common/relative-time";
import { SearchInput } from "@/components/common/search-input";
import { TableSkeleton } from "@/components/common/table-skeleton";
import { useDebounced } from "@/components/common/use-debounced";
import { UserAvatar } from "@/components/common/user-avatar";
import { useContacts, useLiveContacts } from "@/lib/client/contacts";
import { phoneOf } from "./contact-details";

/** /contacts: every customer who wrote (or was written to), most recent activity first, searchable. */
export function ContactsList() {
  const t = useTranslations("contacts.list");
  const router = useRouter();
  const [search, setSearch] = useState("");
  const debounced = useDebounced(search.trim(), 300);
  const query = useContacts(debounced);
  useLiveContacts();
  const rows = query.data?.pages.flatMap((p) => p.data) ?? [];

  return (
    <div className="flex flex-col gap-6" data-testid="contacts-page">
      <PageHeader title={t("title")} description={t("description")} />
      <SearchInput value={search} onValueChange={setSearch} placeholder={t("search")} aria-label={t("search")} className="w-full sm:w-80" data-testid="contacts-search" />
      <div className="overflow-hidden rounded-lg border bg-card">
        {query.isPending ? (
          <TableSkeleton rows={6} columns={3} />
        ) : query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : rows.length === 0 ? (
          <EmptyState icon={ContactIcon} className="py-16" title={debounced ? t("noMatchTitle") : t("emptyTitle")} description={debounced ? t("noMatchText") : t("emptyText")} />
        ) : (
          <Table aria-busy={query.isFetching}>
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead className="pl-4">{t("colContact")}</TableHead>
                <TableHead className="hidden sm:table-cell">{t("colCategory")}</TableHead>
                <TableHead className="text-right md:text-left">{t("colLastMessage")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((c) => (
                <TableRow key={c.id} className="cursor-pointer" data-testid="contact-row" data-wa-id={c.waId} onClick={() => router.push(`/contacts/${c.waId}`)}>
                  <TableCell className="pl-4">
                    <div className="flex items-center gap-3">
                      <UserAvatar name={c.displayName} />
                      <div className="flex min-w-0 flex-col">
                        <Link href={`/contacts/${c.waId}`} className="truncate font-medium outline-none hover:underline focus-visible:underline" onClick={(e) => e.stopPropagation()}>
                          {c.displayName}
                        </Link>
                        <span className="truncate text-xs text-muted-foreground tabular-nums">{phoneOf(c.waId)}</span>
                      </div>
                      {c.isSimulated && <Badge variant="muted">{t("simulated")}</Badge>}
                    </div>
                  </TableCell>
                  <TableCell className="hidden text-muted-foreground sm:table-cell">{c.category ?? "—"}</TableCell>
                  <TableCell className="text-right text-muted-foreground md:text-left">
                    <RelativeTime value={c.lastMessageAt} fallback={t("never")} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </div>
      {query.hasNextPage && (
        <div className="flex justify-center">
          <Button variant="outline" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage} data-testid="contacts-load-more">
            {query.isFetchingNextPage && <Spinner />}
            {t("loadMore")}
          </Button>
        </div>
      )}
    </div>
  );
}
