"use client";

import { useId, useState } from "react";
import { PencilIcon, PlusIcon, PowerIcon, PowerOffIcon, UsersIcon, UsersRoundIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toast } from "@/components/ui/sonner";
import { PageHeader } from "@/components/common/page-header";
import { ColorDot } from "@/components/common/tag-badge";
import { useErrorMessage } from "@/components/common/use-api-errors";
import { ConfirmDialog } from "@/components/common/confirm-dialog";
import { QueryState } from "@/components/common/query-state";
import { useLiveTeams, useTeams, useUpdateTeam, type Team } from "@/lib/client/teams";
import { RowActions } from "@/components/common/row-actions";
import { TeamDialog } from "./team-dialog";
import { TeamMembersSheet } from "./team-members-sheet";

/** Settings → Teams: create, rename, recolor, deactivate (soft) and reactivate teams; members in a side sheet. */
export function TeamsSettings() {
  const t = useTranslations("teamsSettings");
  const [showInactive, setShowInactive] = useState(false);
  const teams = useTeams(showInactive);
  const update = useUpdateTeam();
  const errorMessage = useErrorMessage();
  const [editing, setEditing] = useState<{ team: Team | null } | null>(null);
  const [deactivating, setDeactivating] = useState<Team | null>(null);
  const [membersOf, setMembersOf] = useState<string | null>(null);
  const inactiveId = useId();
  useLiveTeams();

  const rows = teams.data ?? [];
  const setActive = (team: Team, isActive: boolean) =>
    update.mutate(
      { id: team.id, isActive },
      {
        onSuccess: () => {
          toast.success(t(isActive ? "reactivated" : "deactivated", { name: team.name }));
          setDeactivating(null);
        },
        onError: (e) => toast.error(errorMessage(e)),
      },
    );
  const create = () => setEditing({ team: null });

  return (
    <div className="flex flex-col gap-6" data-testid="teams-settings">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Button onClick={create} data-testid="team-create">
            <PlusIcon />
            {t("new")}
          </Button>
        }
      />
      <div className="flex items-center gap-2">
        <Switch id={inactiveId} checked={showInactive} onCheckedChange={setShowInactive} data-testid="teams-show-inactive" />
        <Label htmlFor={inactiveId}>{t("showInactive")}</Label>
      </div>
      <div className="overflow-hidden rounded-lg border bg-card">
        <QueryState
          query={teams}
          skeleton={{ rows: 4, columns: 3 }}
          empty={<EmptyState icon={UsersRoundIcon} className="py-16" title={t("emptyTitle")} description={t("emptyText")} action={<Button variant="outline" onClick={create}>{t("new")}</Button>} />}
        >
          {() => (
            <Table>
              <TableHeader>
                <TableRow className="hover:bg-transparent">
                  <TableHead className="pl-4">{t("colTeam")}</TableHead>
                  <TableHead className="text-right">{t("colMembers")}</TableHead>
                  <TableHead className="hidden sm:table-cell">{t("colStatus")}</TableHead>
                  <TableHead className="w-12" />
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((team) => (
                  <TableRow key={team.id} className="cursor-pointer" onClick={() => setMembersOf(team.id)} data-testid="team-row" data-name={team.name} data-active={team.isActive}>
                    <TableCell className="max-w-0 w-full pl-4">
                      <div className="flex min-w-0 items-center gap-2">
                        <ColorDot color={team.color} />
                        <div className="flex min-w-0 flex-col">
                          <button type="button" className="truncate text-left font-medium outline-none hover:underline focus-visible:underline" onClick={() => setMembersOf(team.id)} data-testid={`team-open-${team.name}`}>
                            {team.name}
                          </button>
                          {team.description && <span className="truncate text-xs text-muted-foreground">{team.description}</span>}
                        </div>
                      </div>
                    </TableCell>
                    <TableCell className="text-right tabular-nums">{team.memberCount}</TableCell>
                    <TableCell className="hidden sm:table-cell">{team.isActive ? <Badge variant="success">{t("active")}</Badge> : <Badge variant="muted">{t("inactive")}</Badge>}</TableCell>
                    <TableCell className="pr-3 text-right" onClick={(e) => e.stopPropagation()}>
                      <RowActions
                        label={t("actions", { name: team.name })}
                        testId={`team-actions-${team.name}`}
                        actions={[
                          { label: t("membersAction"), icon: UsersIcon, onSelect: () => setMembersOf(team.id), testId: "team-members" },
                          { label: t("edit"), icon: PencilIcon, onSelect: () => setEditing({ team }), testId: "team-edit" },
                          team.isActive
                            ? { label: t("deactivate"), icon: PowerOffIcon, onSelect: () => setDeactivating(team), destructive: true, testId: "team-deactivate" }
                            : { label: t("reactivate"), icon: PowerIcon, onSelect: () => setActive(team, true), testId: "team-reactivate" },
                        ]}
                      />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </QueryState>
      </div>
      <TeamDialog open={Boolean(editing)} team={editing?.team ?? null} onClose={() => setEditing(null)} onCreated={(team) => setMembersOf(team.id)} />
      <TeamMembersSheet teamId={membersOf} onClose={() => setMembersOf(null)} />
      <ConfirmDialog
        open={Boolean(deactivating)}
        onClose={() => setDeactivating(null)}
        title={t("deactivateDialog.title", { name: deactivating?.name ?? "" })}
        description={t("deactivateDialog.description")}
        confirmLabel={t("deactivateDialog.confirm")}
        cancelLabel={t("deactivateDialog.cancel")}
        pending={update.isPending}
        testId="team-deactivate-confirm"
        onConfirm={() => deactivating && setActive(deactivating, false)}
      />
    </div>
  );
}
