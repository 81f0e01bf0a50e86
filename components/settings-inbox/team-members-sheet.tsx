"use client";

import { Trash2Icon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";
import { Separator } from "@/components/ui/separator";
import { Sheet, SheetContent, SheetDescription, SheetHeader, SheetTitle } from "@/components/ui/sheet";
import { toast } from "@/components/ui/sonner";
import { ErrorState } from "@/components/common/error-state";
import { TableSkeleton } from "@/components/common/table-skeleton";
import { UserAvatar } from "@/components/common/user-avatar";
import { useErrorMessage } from "@/components/common/use-api-errors";
import { ColorDot } from "@/components/common/tag-badge";
import { TEAM_ROLES, useRemoveTeamMember, useSetTeamMemberRole, useTeam, type TeamDetail, type TeamRole } from "@/lib/client/teams";
import { TeamMemberAdd } from "./team-member-add";

function Members({ team }: { team: TeamDetail }) {
  const t = useTranslations("teamsSettings.members");
  const tr = useTranslations("teamsSettings.roles");
  const setRole = useSetTeamMemberRole();
  const remove = useRemoveTeamMember();
  const errorMessage = useErrorMessage();
  const onError = (e: unknown) => toast.error(errorMessage(e));

  if (team.members.length === 0) return <p className="py-4 text-center text-sm text-muted-foreground">{t("empty")}</p>;
  return (
    <ul className="flex flex-col gap-1" aria-label={t("label")}>
      {team.members.map((m) => (
        <li key={m.userId} className="flex items-center gap-2 rounded-md px-1 py-1.5" data-testid="team-member-row" data-email={m.email}>
          <UserAvatar name={m.name} src={m.avatarUrl} presence={m.status} size="sm" />
          <span className="flex min-w-0 flex-1 flex-col">
            <span className="truncate text-sm font-medium">{m.name}</span>
            <span className="truncate text-xs text-muted-foreground">{m.email}</span>
          </span>
          <NativeSelect
            value={m.role}
            aria-label={t("roleOf", { name: m.name })}
            className="w-28"
            onChange={(e) => setRole.mutate({ teamId: team.id, userId: m.userId, role: e.target.value as TeamRole }, { onError })}
            data-testid={`team-member-role-${m.email}`}
          >
            {TEAM_ROLES.map((r) => (
              <option key={r} value={r}>
                {tr(r)}
              </option>
            ))}
          </NativeSelect>
          <Button
            variant="ghost"
            size="icon-sm"
            className="text-muted-foreground hover:text-destructive"
            aria-label={t("remove", { name: m.name })}
            disabled={remove.isPending}
            onClick={() => remove.mutate({ teamId: team.id, userId: m.userId }, { onSuccess: () => toast.success(t("removed", { name: m.name })), onError })}
            data-testid={`team-member-remove-${m.email}`}
          >
            <Trash2Icon />
          </Button>
        </li>
      ))}
    </ul>
  );
}

/** The members of one team: change roles, remove, and add people of the organization. */
export function TeamMembersSheet({ teamId, onClose }: { teamId: string | null; onClose: () => void }) {
  const t = useTranslations("teamsSettings.members");
  const team = useTeam(teamId);
  return (
    <Sheet open={Boolean(teamId)} onOpenChange={(o) => !o && onClose()}>
      <SheetContent className="w-full gap-0 sm:max-w-md" data-testid="team-members-sheet">
        <SheetHeader className="border-b p-4">
          <SheetTitle className="flex items-center gap-2 pr-6">
            {team.data && <ColorDot color={team.data.color} />}
            <span className="truncate">{team.data?.name ?? t("title")}</span>
          </SheetTitle>
          <SheetDescription>{t("description")}</SheetDescription>
        </SheetHeader>
        <div className="flex flex-col gap-4 p-4">
          {team.isPending ? (
            <TableSkeleton rows={3} columns={1} />
          ) : team.isError ? (
            <ErrorState error={team.error} onRetry={() => void team.refetch()} />
          ) : (
            <>
              <h3 className="text-sm font-semibold">{t("count", { count: team.data.members.length })}</h3>
              <Members team={team.data} />
              <Separator />
              <h3 className="text-sm font-semibold">{t("addTitle")}</h3>
              <TeamMemberAdd team={team.data} />
            </>
          )}
        </div>
      </SheetContent>
    </Sheet>
  );
}
