import { getDb } from "@/db/client";
import { insertMembership, insertUser, type Role } from "@/db/queries/users";
import type { Ctx } from "@/lib/api/context";
import { audit } from "@/lib/services/audit";
import { userDto } from "@/lib/services/identity/dto";
import { assertInvitable, deliverInvitation, insertInvitationFor, withUrl } from "@/lib/services/invitations/shared";
import { memberUpdated } from "./members";

/**
 * Adds a person to the team by invitation. A new address gets a passwordless account and membership at once (it shows
 * in the team list as pending); someone who already has an account elsewhere joins only when they accept.
 */
export async function createUser(ctx: Ctx, input: { email: string; name: string; role: Role }) {
  const result = await getDb().transaction(async (tx) => {
    const existing = await assertInvitable(ctx.orgId, input.email, tx);
    const user = existing ?? (await insertUser({ email: input.email, name: input.name }, tx));
    if (!existing) await insertMembership({ orgId: ctx.orgId, userId: user.id, role: input.role }, tx);
    const { found, token } = await insertInvitationFor(ctx, { email: input.email, name: input.name, role: input.role, userId: user.id }, tx);
    await audit(
      ctx,
      "user.invited",
      { type: "user", id: user.id },
      { email: input.email, role: input.role, invitationId: found.invitation.id, existingAccount: Boolean(existing) },
      tx,
    );
    return { user, isNew: !existing, found, token };
  });
  await deliverInvitation(result.found, result.token);
  if (result.isNew) memberUpdated(ctx, result.user.id);
  return { user: userDto(result.user, input.role), invitation: withUrl(result.found, result.token) };
}
