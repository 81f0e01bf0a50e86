"use client";

import { useTranslations } from "next-intl";
import { useCreateTeam, useUpdateTeam, type Team, type TeamDetail } from "@/lib/client/teams";
import { NameColorDialog, type NameColorValues } from "./name-color-dialog";

/** `team` null creates (then `onCreated` opens its members); otherwise renames/recolors it. */
export function TeamDialog({ open, team, onClose, onCreated }: { open: boolean; team: Team | null; onClose: () => void; onCreated: (team: TeamDetail) => void }) {
  const t = useTranslations("teamsSettings.dialog");
  const create = useCreateTeam();
  const update = useUpdateTeam();
  const save = (values: NameColorValues) => (team ? update.mutateAsync({ id: team.id, ...values }) : create.mutateAsync(values));
  return (
    <NameColorDialog
      open={open}
      item={team}
      onClose={onClose}
      t={t}
      testId="team"
      maxName={100}
      maxDescription={500}
      defaultColor={null}
      allowNoColor
      pending={create.isPending || update.isPending}
      save={save}
      onSaved={(saved) => !team && onCreated(saved)}
    />
  );
}
