import { getDb } from "@/db/client";
import { deleteTeamMember, insertTeamMember, updateTeamMemberRole, type TeamRole } from "@/db/queries/teams";
import { findMembership } from "@/db/queries/users";
import type { Ctx } from "@/lib/api/context";
import { errors } from "@/lib/api/errors";
import { emit } from "@/lib/events/emit";
import { audit } from "@/lib/services/audit";
import { teamDetail, teamOr404 } from "./teams";

const target = (teamId: number) => ({ type: "team", id: teamId });

/** Only users of the org join its teams: another org's user, a removed or a deleted one is a 404 like a missing one. */
export async function addTeamMember(ctx: Ctx, teamId: number, input: { userId: number; role: TeamRole }) {
  const detail = await getDb().transaction(async (tx) => {
    const team = await teamOr404(ctx, teamId, tx);
    if (!(await findMembership(ctx.orgId, input.userId, tx))) throw errors.notFound("User");
    const row = await insertTeamMember(ctx.orgId, teamId, input.userId, input.role, tx);
    if (!row) throw errors.conflict("The user is already a member of this team", [{ path: "userId", message: "is already a member" }]);
    await audit(ctx, "team.member_added", target(teamId), { userId: input.userId, role: input.role }, tx);
    return teamDetail(ctx, team, tx);
  });
  emit("team.changed", { orgId: ctx.orgId, teamId });
  return detail;
}

export async function updateTeamMember(ctx: Ctx, teamId: number, userId: number, role: TeamRole) {
  const detail = await getDb().transaction(async (tx) => {
    const team = await teamOr404(ctx, teamId, tx);
    if (!(await updateTeamMemberRole(ctx.orgId, teamId, userId, role, tx))) throw errors.notFound("Team member");
    await audit(ctx, "team.member_updated", target(teamId), { userId, role }, tx);
    return teamDetail(ctx, team, tx);
  });
  emit("team.changed", { orgId: ctx.orgId, teamId });
  return detail;
}

export async function removeTeamMember(ctx: Ctx, teamId: number, userId: number) {
  await getDb().transaction(async (tx) => {
    await teamOr404(ctx, teamId, tx);
    if (!(await deleteTeamMember(ctx.orgId, teamId, userId, tx))) throw errors.notFound("Team member");
    await audit(ctx, "team.member_removed", target(teamId), { userId }, tx);
  });
  emit("team.changed", { orgId: ctx.orgId, teamId });
}
