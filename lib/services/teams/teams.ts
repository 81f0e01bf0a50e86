import { getDb, type Tx } from "@/db/client";
import { findTeam, insertTeam, listTeamMembers, listTeams as listTeamRows, releaseTeamConversations, updateTeam as updateTeamRow, type TeamRow } from "@/db/queries/teams";
import type { Ctx } from "@/lib/api/context";
import { errors } from "@/lib/api/errors";
import { emit } from "@/lib/events/emit";
import { audit } from "@/lib/services/audit";
import { uniqueName } from "@/lib/services/unique-name";
import { teamDetailDto, teamDto } from "./dto";

export type TeamInput = { name?: string; description?: string | null; color?: string | null; isActive?: boolean };

/** Names are unique among active teams (partial unique index on lower(name)): a deactivated team frees its name. */
/** The team of the org, locked for the rest of the transaction (404 for a missing one or another org's). */
export async function teamOr404(ctx: Ctx, id: number, tx: Tx) {
  const team = await findTeam(ctx.orgId, id, tx, true);
  if (!team) throw errors.notFound("Team");
  return team;
}

/** The team with its members, for a team row the caller already has. */
export async function teamDetail(ctx: Ctx, team: TeamRow, tx: Tx = getDb()) {
  return teamDetailDto(team, await listTeamMembers(ctx.orgId, team.id, tx));
}

export async function listTeams(ctx: Ctx, q: { includeInactive: boolean }) {
  return { data: (await listTeamRows(ctx.orgId, q.includeInactive)).map((r) => teamDto(r.team, r.memberCount)) };
}

export async function createTeam(ctx: Ctx, input: { name: string; description?: string | null; color?: string | null }) {
  const team = await uniqueName("active team", input.name, () =>
    getDb().transaction(async (tx) => {
      const team = await insertTeam({ orgId: ctx.orgId, name: input.name, description: input.description ?? null, color: input.color ?? null }, tx);
      await audit(ctx, "team.created", { type: "team", id: team.id }, { name: team.name }, tx);
      return team;
    }),
  );
  emit("team.changed", { orgId: ctx.orgId, teamId: team.id });
  return teamDetailDto(team, []);
}

/**
 * Deactivating (here or through DELETE) stamps deactivatedAt once and hands the team's open conversations back to
 * everyone; reactivating clears it and needs the name free.
 */
export async function updateTeam(ctx: Ctx, id: number, input: TeamInput) {
  const { detail, released } = await uniqueName("active team", input.name, () =>
    getDb().transaction(async (tx) => {
      const before = await teamOr404(ctx, id, tx);
      const deactivating = input.isActive === false && before.isActive;
      const activation =
        input.isActive === undefined || input.isActive === before.isActive ? {} : { deactivatedAt: input.isActive ? null : new Date() };
      const team = await updateTeamRow(ctx.orgId, id, { ...input, ...activation }, tx);
      const released = deactivating ? await releaseTeamConversations(ctx.orgId, id, tx) : [];
      const metadata = { before: { name: before.name, isActive: before.isActive }, after: input, ...(deactivating ? { releasedConversations: released.length } : {}) };
      await audit(ctx, deactivating ? "team.deactivated" : "team.updated", { type: "team", id }, metadata, tx);
      return { detail: await teamDetail(ctx, team, tx), released };
    }),
  );
  for (const c of released) emit("conversation.updated", { orgId: ctx.orgId, conversationId: c.id, version: c.version });
  emit("team.changed", { orgId: ctx.orgId, teamId: id });
  return detail;
}

export async function deactivateTeam(ctx: Ctx, id: number) {
  await updateTeam(ctx, id, { isActive: false });
}

export async function getTeam(ctx: Ctx, id: number) {
  const team = await findTeam(ctx.orgId, id);
  if (!team) throw errors.notFound("Team");
  return teamDetail(ctx, team);
}
