"use client";

import { useState } from "react";
import { BanIcon, MailCheckIcon, RotateCwIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge, type BadgeProps } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toast } from "@/components/ui/sonner";
import { ErrorState } from "@/components/common/error-state";
import { FilterSelect } from "@/components/common/filter-select";
import { Pagination } from "@/components/common/pagination";
import { RelativeTime } from "@/components/common/relative-time";
import { RowActions } from "@/components/common/row-actions";
import { SearchInput } from "@/components/common/search-input";
import { TableSkeleton } from "@/components/common/table-skeleton";
import { useDebounced } from "@/components/common/use-debounced";
import { useKeyedState } from "@/components/common/use-keyed-state";
import { useErrorMessage } from "@/components/common/use-api-errors";
import { useInvitations, useResendInvitation, useRevokeInvitation, type Invitation } from "@/lib/client/invitations";
import { useInviteToast } from "./invite-toast";
import { RoleBadge } from "./role-badge";

type Status = Invitation["status"];
const STATUSES: Status[] = ["PENDING", "ACCEPTED", "EXPIRED", "REVOKED"];
const STATUS_VARIANT: Record<Status, BadgeProps["variant"]> = { PENDING: "warning", ACCEPTED: "success", EXPIRED: "muted", REVOKED: "muted" };
const LIMIT = 20;

export function InvitationsTable() {
  const t = useTranslations("users.invitations");
  const ts = useTranslations("invitationStatus");
  const [search, setSearch] = useState("");
  const [status, setStatus] = useState<Status | undefined>();
  const debounced = useDebounced(search.trim());
  const [page, setPage] = useKeyedState(1, JSON.stringify([debounced, status]));
  const query = useInvitations({ search: debounced || undefined, status, page, limit: LIMIT });
  const resend = useResendInvitation();
  const revoke = useRevokeInvitation();
  const errorMessage = useErrorMessage();
  const inviteToast = useInviteToast();

  const onResend = async (inv: Invitation) => {
    try {
      const res = await resend.mutateAsync(inv.id);
      inviteToast(t("resent", { email: inv.email }), res.inviteUrl);
    } catch (e) {
      toast.error(errorMessage(e));
    }
  };
  const onRevoke = async (inv: Invitation) => {
    try {
      await revoke.mutateAsync(inv.id);
      toast.success(t("revoked", { email: inv.email }));
    } catch (e) {
      toast.error(errorMessage(e));
    }
  };

  const rows = query.data?.data ?? [];
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
        <SearchInput value={search} onValueChange={setSearch} placeholder={t("search")} aria-label={t("search")} className="sm:w-72" />
        <FilterSelect label={t("filterStatus")} value={status} onChange={setStatus} allLabel={t("allStatuses")} options={STATUSES.map((s) => ({ value: s, label: ts(s) }))} />
      </div>
      <div className="overflow-hidden rounded-lg border bg-card">
        {query.isPending ? (
          <TableSkeleton rows={3} columns={4} />
        ) : query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : rows.length === 0 ? (
          <EmptyState icon={MailCheckIcon} title={debounced || status ? t("noMatchTitle") : t("emptyTitle")} description={debounced || status ? undefined : t("emptyText")} />
        ) : (
          <Table aria-busy={query.isFetching}>
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead className="pl-4">{t("colInvitee")}</TableHead>
                <TableHead>{t("colRole")}</TableHead>
                <TableHead>{t("colStatus")}</TableHead>
                <TableHead className="hidden lg:table-cell">{t("colInvitedBy")}</TableHead>
                <TableHead className="hidden md:table-cell">{t("colExpires")}</TableHead>
                <TableHead className="w-12" />
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((inv) => (
                <TableRow key={inv.id} data-testid="invitation-row" data-email={inv.email}>
                  <TableCell className="pl-4">
                    <div className="flex min-w-0 flex-col">
                      <span className="truncate font-medium">{inv.name ?? inv.email}</span>
                      {inv.name && <span className="truncate text-xs text-muted-foreground">{inv.email}</span>}
                    </div>
                  </TableCell>
                  <TableCell>
                    <RoleBadge role={inv.role} />
                  </TableCell>
                  <TableCell>
                    <Badge variant={STATUS_VARIANT[inv.status]}>{ts(inv.status)}</Badge>
                    {inv.sentCount > 1 && <span className="ml-2 text-xs text-muted-foreground">{t("sentTimes", { count: inv.sentCount })}</span>}
                  </TableCell>
                  <TableCell className="hidden text-muted-foreground lg:table-cell">{inv.invitedBy?.name ?? "—"}</TableCell>
                  <TableCell className="hidden text-muted-foreground md:table-cell">
                    {inv.status === "ACCEPTED" ? <RelativeTime value={inv.acceptedAt} /> : <RelativeTime value={inv.expiresAt} />}
                  </TableCell>
                  <TableCell className="pr-3 text-right">
                    <RowActions
                      label={t("actions", { email: inv.email })}
                      testId="invitation-actions"
                      actions={[
                        (inv.status === "PENDING" || inv.status === "EXPIRED") && {
                          label: t("resend"),
                          icon: RotateCwIcon,
                          onSelect: () => void onResend(inv),
                          disabled: resend.isPending,
                          testId: "invitation-resend",
                        },
                        inv.status === "PENDING" && {
                          label: t("revoke"),
                          icon: BanIcon,
                          onSelect: () => void onRevoke(inv),
                          disabled: revoke.isPending,
                          destructive: true,
                          testId: "invitation-revoke",
                        },
                      ]}
                    />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </div>
      {query.data && <Pagination page={query.data.page} limit={query.data.limit} total={query.data.total} onPage={setPage} />}
    </div>
  );
}
