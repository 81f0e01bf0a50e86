import { findInvitation, revokeInvitationRow } from "@/db/queries/invitations";
import { findMembership } from "@/db/queries/users";
import type { Ctx } from "@/lib/api/context";
import { errors } from "@/lib/api/errors";
import { emit } from "@/lib/events/emit";
import { audit } from "@/lib/services/audit";
import { memberRemoved, memberTransaction, removeMember } from "@/lib/services/users/members";
import { notPending } from "./shared";

/** Revoking twice is harmless (204 again); an accepted invitation cannot be revoked (remove the user instead). */
export async function revokeInvitation(ctx: Ctx, id: number) {
  const found = await findInvitation(ctx.orgId, id);
  if (!found) throw errors.notFound("Invitation");
  if (found.invitation.acceptedAt) throw notPending();
  if (found.invitation.revokedAt) return;
  const removedUserId = await memberTransaction(ctx.orgId, async (tx) => {
    const row = await revokeInvitationRow(ctx.orgId, id, tx);
    if (!row) throw notPending();
    await audit(ctx, "invitation.revoked", { type: "invitation", id }, { email: row.email }, tx);
    // Someone added through POST /users who never set a password was only waiting for this link: revoking it takes
    // them off the team too, otherwise they would linger as a member who could still sign in with an email code.
    if (!row.userId) return null;
    const member = await findMembership(ctx.orgId, row.userId, tx);
    if (!member || member.user.passwordHash) return null;
    await removeMember(ctx, member, tx);
    return member.user.id;
  });
  emit("invitation.changed", { orgId: ctx.orgId, invitationId: id });
  if (removedUserId) memberRemoved(ctx, removedUserId);
}
