import { getDb, type Tx } from "@/db/client";
import { revokeUserRefreshTokens } from "@/db/queries/sessions";
import { deleteMemberFromAllTeams } from "@/db/queries/teams";
import {
  bumpTokenVersion,
  countActiveMemberships,
  countOtherAdmins,
  findMembership,
  lockOrgAdmins,
  softDeleteMembership,
  updateMembershipRole,
  updateUser,
  type Role,
  type UserRow,
} from "@/db/queries/users";
import type { Ctx } from "@/lib/api/context";
import { errors } from "@/lib/api/errors";
import { emit } from "@/lib/events/emit";
import { audit } from "@/lib/services/audit";

/** The core rules of membership changes, shared by the single-user endpoints, bulk actions and invitation revocation. */

export type Member = { user: UserRow; role: Role };

export async function getMember(orgId: number, userId: number, tx: Tx = getDb()): Promise<Member> {
  const member = await findMembership(orgId, userId, tx);
  if (!member) throw errors.notFound("User");
  return member;
}

/**
 * Role and membership changes run here: the org's admin rows are locked first, so LAST_ADMIN still holds when two
 * admins demote or delete each other at the same moment.
 */
export function memberTransaction<T>(orgId: number, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return getDb().transaction(async (tx) => {
    await lockOrgAdmins(orgId, tx);
    return fn(tx);
  });
}

/** Within one transaction earlier changes are visible here, so a batch that would remove every admin fails at its last one. */
async function assertAdminRemains(orgId: number, userId: number, tx: Tx) {
  if ((await countOtherAdmins(orgId, [userId], tx)) === 0) {
    throw errors.rule("LAST_ADMIN", "The organization must keep at least one administrator");
  }
}

/** Returns whether the role changed. Call inside `memberTransaction`. */
export async function changeMemberRole(ctx: Ctx, m: Member, role: Role, tx: Tx) {
  if (m.role === role) return false;
  if (m.role === "ADMIN") await assertAdminRemains(ctx.orgId, m.user.id, tx);
  await updateMembershipRole(ctx.orgId, m.user.id, role, tx);
  await audit(ctx, "user.role_changed", { type: "user", id: m.user.id }, { from: m.role, to: role }, tx);
  return true;
}

/**
 * Ends the membership and the org's team memberships (and the account when it was the last membership). Every token and session of the user dies, since
 * they cannot be told apart per org. Call inside `memberTransaction`; emit `memberRemoved` after the commit.
 */
export async function removeMember(ctx: Ctx, m: Member, tx: Tx) {
  if (m.role === "ADMIN") await assertAdminRemains(ctx.orgId, m.user.id, tx);
  await softDeleteMembership(ctx.orgId, m.user.id, tx);
  await deleteMemberFromAllTeams(ctx.orgId, m.user.id, tx);
  const accountDeleted = (await countActiveMemberships(m.user.id, tx)) === 0;
  if (accountDeleted) await updateUser(m.user.id, { deletedAt: new Date() }, tx);
  await bumpTokenVersion(m.user.id, tx);
  await revokeUserRefreshTokens(m.user.id, tx);
  await audit(ctx, "user.deleted", { type: "user", id: m.user.id }, { email: m.user.email, role: m.role, accountDeleted }, tx);
}

export const memberRemoved = (ctx: Ctx, userId: number) => emit("user.deleted", { orgId: ctx.orgId, userId });
export const memberUpdated = (ctx: Ctx, userId: number) => emit("user.updated", { orgId: ctx.orgId, userId });
