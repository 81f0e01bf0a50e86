import { and, asc, eq, isNull, ne, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { conversations, memberships, teamMembers, teams, users } from "@/db/schema";

export type TeamRow = typeof teams.$inferSelect;
export type TeamRole = (typeof teamMembers.$inferSelect)["role"];
export type TeamWithCount = { team: TeamRow; memberCount: number };

/** A team member counts while they are a user of the org: someone removed from the org leaves every team with it. */
const activeMember = and(
  eq(memberships.orgId, teamMembers.orgId),
  eq(memberships.userId, teamMembers.userId),
  isNull(memberships.deletedAt),
);

const memberCount = sql<number>`(
  select count(*)::int from team_members tm
  join memberships m on m.org_id = tm.org_id and m.user_id = tm.user_id and m.deleted_at is null
  join users u on u.id = tm.user_id and u.deleted_at is null
  where tm.team_id = "teams"."id"
)`;

export async function listTeams(orgId: number, includeInactive: boolean, tx: Tx = getDb()): Promise<TeamWithCount[]> {
  return tx
    .select({ team: teams, memberCount })
    .from(teams)
    .where(and(eq(teams.orgId, orgId), includeInactive ? undefined : eq(teams.isActive, true)))
    .orderBy(asc(sql`lower(${teams.name})`), asc(teams.id));
}

export async function findTeam(orgId: number, id: number, tx: Tx = getDb(), lock = false) {
  const q = tx
    .select()
    .from(teams)
    .where(and(eq(teams.orgId, orgId), eq(teams.id, id)))
    .limit(1);
  const [row] = lock ? await q.for("update") : await q;
  return row;
}

export async function listTeamMembers(orgId: number, teamId: number, tx: Tx = getDb()) {
  return tx
    .select({ user: users, role: teamMembers.role, joinedAt: teamMembers.createdAt })
    .from(teamMembers)
    .innerJoin(memberships, activeMember)
    .innerJoin(users, and(eq(users.id, teamMembers.userId), isNull(users.deletedAt)))
    .where(and(eq(teamMembers.orgId, orgId), eq(teamMembers.teamId, teamId)))
    .orderBy(asc(sql`${teamMembers.role} = 'MEMBER'`), asc(users.name), asc(users.id));
}
export type TeamMemberRow = Awaited<ReturnType<typeof listTeamMembers>>[number];

export async function insertTeam(values: typeof teams.$inferInsert, tx: Tx = getDb()) {
  const [row] = await tx.insert(teams).values(values).returning();
  return row;
}

export async function updateTeam(orgId: number, id: number, values: Partial<typeof teams.$inferInsert>, tx: Tx = getDb()) {
  const [row] = await tx
    .update(teams)
    .set(values)
    .where(and(eq(teams.orgId, orgId), eq(teams.id, id)))
    .returning();
  return row;
}

/** Answers undefined when the user is in the team already. */
export async function insertTeamMember(orgId: number, teamId: number, userId: number, role: TeamRole, tx: Tx = getDb()) {
  const [row] = await tx.insert(teamMembers).values({ orgId, teamId, userId, role }).onConflictDoNothing().returning();
  return row;
}

export async function updateTeamMemberRole(orgId: number, teamId: number, userId: number, role: TeamRole, tx: Tx = getDb()) {
  const [row] = await tx
    .update(teamMembers)
    .set({ role })
    .where(and(eq(teamMembers.orgId, orgId), eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId)))
    .returning();
  return row;
}

export async function deleteTeamMember(orgId: number, teamId: number, userId: number, tx: Tx = getDb()) {
  const [row] = await tx
    .delete(teamMembers)
    .where(and(eq(teamMembers.orgId, orgId), eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId)))
    .returning();
  return row;
}

/** Someone who leaves the org leaves its teams too (were they invited back, they would start in none). */
export async function deleteMemberFromAllTeams(orgId: number, userId: number, tx: Tx = getDb()) {
  await tx.delete(teamMembers).where(and(eq(teamMembers.orgId, orgId), eq(teamMembers.userId, userId)));
}

/**
 * The open conversations of a team leave it (teamId null, new version): under the visibility rule a deactivated team's
 * conversations would be seen by no agent. Closed ones keep pointing at the team, as history.
 */
export async function releaseTeamConversations(orgId: number, teamId: number, tx: Tx) {
  return tx
    .update(conversations)
    .set({ teamId: null, version: sql`${conversations.version} + 1` })
    .where(and(eq(conversations.orgId, orgId), eq(conversations.teamId, teamId), ne(conversations.status, "CLOSED")))
    .returning({ id: conversations.id, version: conversations.version });
}
