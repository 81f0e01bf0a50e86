"use client";

import { useState } from "react";
import { MailIcon, PencilIcon, Trash2Icon, UsersIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toast } from "@/components/ui/sonner";
import { ErrorState } from "@/components/common/error-state";
import { FilterSelect } from "@/components/common/filter-select";
import { Pagination } from "@/components/common/pagination";
import { PRESENCES, PresenceLabel, type Presence } from "@/components/common/presence";
import { RelativeTime } from "@/components/common/relative-time";
import { RowActions } from "@/components/common/row-actions";
import { SearchInput } from "@/components/common/search-input";
import { TableSkeleton } from "@/components/common/table-skeleton";
import { useDebounced } from "@/components/common/use-debounced";
import { useKeyedState } from "@/components/common/use-keyed-state";
import { useRowSelection } from "@/components/common/use-row-selection";
import { UserAvatar } from "@/components/common/user-avatar";
import { useErrorMessage } from "@/components/common/use-api-errors";
import { useMe } from "@/lib/client/me";
import { useResendUserInvite, useUsers, type User } from "@/lib/client/users";
import { BulkBar } from "./bulk-bar";
import { useInviteToast } from "./invite-toast";
import { EditMemberDialog, RemoveMemberDialog } from "./member-dialogs";
import { RoleBadge } from "./role-badge";

const LIMIT = 20;

export function MembersTable({ canManage }: { canManage: boolean }) {
  const t = useTranslations("users.members");
  const tr = useTranslations("roles");
  const tp = useTranslations("presence");
  const me = useMe();
  const [search, setSearch] = useState("");
  const [role, setRole] = useState<User["role"] | undefined>();
  const [status, setStatus] = useState<Presence | undefined>();
  const [editing, setEditing] = useState<User | null>(null);
  const [removing, setRemoving] = useState<User | null>(null);
  const debounced = useDebounced(search.trim());
  // A new filter starts from the first page with nothing selected.
  const filterKey = JSON.stringify([debounced, role, status]);
  const [page, setPage] = useKeyedState(1, filterKey);
  const query = useUsers({ search: debounced || undefined, role, status, page, limit: LIMIT });
  const resend = useResendUserInvite();
  const errorMessage = useErrorMessage();
  const inviteToast = useInviteToast();

  const rows = query.data?.data ?? [];
  const filtered = Boolean(debounced || role || status);
  const { selected, header, toggle, setAll, clear } = useRowSelection(rows.map((u) => u.id), filterKey);

  const resendInvite = async (user: User) => {
    try {
      const inv = await resend.mutateAsync(user.id);
      inviteToast(t("resent", { email: user.email }), inv.inviteUrl);
    } catch (e) {
      toast.error(errorMessage(e));
    }
  };

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
        <SearchInput value={search} onValueChange={setSearch} placeholder={t("search")} aria-label={t("search")} className="sm:w-72" data-testid="users-search" />
        <div className="flex gap-2">
          <FilterSelect
            label={t("filterRole")}
            value={role}
            onChange={setRole}
            allLabel={t("allRoles")}
            options={[
              { value: "ADMIN", label: tr("ADMIN") },
              { value: "AGENT", label: tr("AGENT") },
            ]}
          />
          <FilterSelect label={t("filterStatus")} value={status} onChange={setStatus} allLabel={t("allStatuses")} options={PRESENCES.map((p) => ({ value: p, label: tp(p) }))} />
        </div>
      </div>

      {canManage && selected.size > 0 && <BulkBar ids={[...selected]} onDone={clear} />}

      <div className="overflow-hidden rounded-lg border bg-card">
        {query.isPending ? (
          <TableSkeleton rows={5} columns={4} />
        ) : query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : rows.length === 0 ? (
          filtered ? (
            <EmptyState
              icon={UsersIcon}
              title={t("noMatchTitle")}
              description={t("noMatchText")}
              action={
                <Button
                  variant="outline"
                  size="sm"
                  onClick={() => {
                    setSearch("");
                    setRole(undefined);
                    setStatus(undefined);
                  }}
                >
                  {t("clearFilters")}
                </Button>
              }
            />
          ) : (
            <EmptyState icon={UsersIcon} title={t("emptyTitle")} description={t("emptyText")} />
          )
        ) : (
          <Table aria-busy={query.isFetching}>
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                {canManage && (
                  <TableHead className="w-10 pl-4">
                    <Checkbox
                      aria-label={t("selectAll")}
                      checked={header}
                      onCheckedChange={(on) => setAll(on === true)}
                    />
                  </TableHead>
                )}
                <TableHead className={canManage ? undefined : "pl-4"}>{t("colMember")}</TableHead>
                <TableHead>{t("colRole")}</TableHead>
                <TableHead>{t("colStatus")}</TableHead>
                <TableHead className="hidden md:table-cell">{t("colLastActive")}</TableHead>
                {canManage && <TableHead className="w-12" />}
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((u) => {
                const isMe = u.id === me.user?.id;
                return (
                  <TableRow key={u.id} data-testid="user-row" data-email={u.email} data-state={selected.has(u.id) ? "selected" : undefined}>
                    {canManage && (
                      <TableCell className="pl-4">
                        <Checkbox aria-label={t("select", { name: u.name })} checked={selected.has(u.id)} onCheckedChange={(on) => toggle(u.id, on === true)} />
                      </TableCell>
                    )}
                    <TableCell className={canManage ? undefined : "pl-4"}>
                      <div className="flex items-center gap-3">
                        <UserAvatar name={u.name} src={u.avatarUrl} presence={u.invitationPending ? undefined : u.status} />
                        <div className="flex min-w-0 flex-col">
                          <span className="flex items-center gap-1.5 font-medium">
                            <span className="truncate">{u.name}</span>
                            {isMe && <Badge variant="muted" className="px-1.5 py-0 text-[10px]">{t("you")}</Badge>}
                          </span>
                          <span className="truncate text-xs text-muted-foreground">{u.email}</span>
                        </div>
                      </div>
                    </TableCell>
                    <TableCell>
                      <RoleBadge role={u.role} />
                    </TableCell>
                    <TableCell>
                      {u.invitationPending ? <Badge variant="warning">{t("pending")}</Badge> : <PresenceLabel status={u.status} />}
                    </TableCell>
                    <TableCell className="hidden text-muted-foreground md:table-cell">
                      <RelativeTime value={u.lastLoginAt} fallback={t("never")} />
                    </TableCell>
                    {canManage && (
                      <TableCell className="pr-3 text-right">
                        <RowActions
                          label={t("actions", { name: u.name })}
                          testId="user-actions"
                          actions={[
                            { label: t("edit"), icon: PencilIcon, onSelect: () => setEditing(u), testId: "user-edit" },
                            u.invitationPending && { label: t("resend"), icon: MailIcon, onSelect: () => void resendInvite(u), testId: "user-resend" },
                            !isMe && { label: t("remove"), icon: Trash2Icon, onSelect: () => setRemoving(u), destructive: true, testId: "user-remove" },
                          ]}
                        />
                      </TableCell>
                    )}
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
      </div>
      {query.data && <Pagination page={query.data.page} limit={query.data.limit} total={query.data.total} onPage={setPage} />}
      <EditMemberDialog user={editing} onClose={() => setEditing(null)} />
      <RemoveMemberDialog user={removing} orgName={me.organization.name} onClose={() => setRemoving(null)} />
    </div>
  );
}
