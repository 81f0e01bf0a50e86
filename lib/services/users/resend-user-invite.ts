import { findOpenInvitationForUser } from "@/db/queries/invitations";
import type { Ctx } from "@/lib/api/context";
import { notPending, reissueInvitation } from "@/lib/services/invitations/shared";
import { getMember } from "./members";

/** Only for members who have not set a password yet: the others have nothing left to accept. */
export async function resendUserInvite(ctx: Ctx, userId: number) {
  const member = await getMember(ctx.orgId, userId);
  if (member.user.passwordHash) throw notPending();
  const found = await findOpenInvitationForUser(ctx.orgId, userId);
  if (!found) throw notPending();
  return reissueInvitation(ctx, found);
}
