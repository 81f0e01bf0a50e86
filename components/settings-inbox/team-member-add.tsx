"use client";

import { useState } from "react";
import { UserPlusIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";
import { Spinner } from "@/components/ui/spinner";
import { toast } from "@/components/ui/sonner";
import { SearchInput } from "@/components/common/search-input";
import { useDebounced } from "@/components/common/use-debounced";
import { UserAvatar } from "@/components/common/user-avatar";
import { useErrorMessage } from "@/components/common/use-api-errors";
import { useAddTeamMember, TEAM_ROLES, type TeamDetail, type TeamRole } from "@/lib/client/teams";
import { useUsers } from "@/lib/client/users";

/** Finds people of the organization who are not in the team yet and adds them with a role. */
export function TeamMemberAdd({ team }: { team: TeamDetail }) {
  const t = useTranslations("teamsSettings.members");
  const tr = useTranslations("teamsSettings.roles");
  const [search, setSearch] = useState("");
  const [role, setRole] = useState<TeamRole>("MEMBER");
  const debounced = useDebounced(search.trim(), 300);
  const users = useUsers({ search: debounced || undefined, limit: 20, page: 1 });
  const add = useAddTeamMember();
  const errorMessage = useErrorMessage();
  const inTeam = new Set(team.members.map((m) => m.userId));
  const candidates = (users.data?.data ?? []).filter((u) => !inTeam.has(u.id) && !u.invitationPending);

  return (
    <div className="flex flex-col gap-2" data-testid="team-member-add">
      <div className="flex gap-2">
        <SearchInput value={search} onValueChange={setSearch} placeholder={t("searchPeople")} aria-label={t("searchPeople")} className="flex-1" data-testid="team-member-search" />
        <NativeSelect value={role} onChange={(e) => setRole(e.target.value as TeamRole)} aria-label={t("role")} className="w-32" data-testid="team-member-add-role">
          {TEAM_ROLES.map((r) => (
            <option key={r} value={r}>
              {tr(r)}
            </option>
          ))}
        </NativeSelect>
      </div>
      <ul className="flex max-h-56 flex-col gap-1 overflow-y-auto" aria-label={t("candidates")} aria-busy={users.isFetching}>
        {users.isPending && (
          <li className="flex justify-center p-3">
            <Spinner />
          </li>
        )}
        {!users.isPending && candidates.length === 0 && <li className="px-2 py-3 text-center text-sm text-muted-foreground">{t("noCandidates")}</li>}
        {candidates.map((u) => (
          <li key={u.id} className="flex items-center gap-2 rounded-md px-2 py-1.5 hover:bg-muted/60">
            <UserAvatar name={u.name} src={u.avatarUrl} size="sm" />
            <span className="flex min-w-0 flex-1 flex-col">
              <span className="truncate text-sm font-medium">{u.name}</span>
              <span className="truncate text-xs text-muted-foreground">{u.email}</span>
            </span>
            <Button
              size="sm"
              variant="outline"
              disabled={add.isPending}
              onClick={() =>
                add.mutate({ teamId: team.id, userId: u.id, role }, { onSuccess: () => toast.success(t("added", { name: u.name })), onError: (e) => toast.error(errorMessage(e)) })
              }
              data-testid={`team-member-add-${u.email}`}
            >
              <UserPlusIcon />
              {t("add")}
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
}
