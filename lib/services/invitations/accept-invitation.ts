import { getDb } from "@/db/client";
import { findInvitationByTokenHash, markInvitationAccepted, type InvitationRow } from "@/db/queries/invitations";
import { findUserByEmail, findUserById, insertMembership, insertUser, updateUser, type UserRow } from "@/db/queries/users";
import type { RequestMeta } from "@/lib/api/context";
import { errors, type ErrorDetail } from "@/lib/api/errors";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { emit } from "@/lib/events/emit";
import { audit } from "@/lib/services/audit";
import { issueSession, markLoggedIn } from "@/lib/services/auth/session";
import { assertRateLimit, LIMITS } from "@/lib/services/rate-limit";
import { invitationStatus } from "./shared";
import { invitationFromToken } from "./view-invitation";

const MIN_PASSWORD = 8;

function assertAcceptable(i: InvitationRow) {
  const status = invitationStatus(i);
  if (status === "EXPIRED") throw errors.rule("INVITATION_EXPIRED", "This invitation has expired; ask for a new one");
  if (status === "REVOKED") throw errors.rule("INVITATION_REVOKED", "This invitation was revoked");
  if (status === "ACCEPTED") throw errors.rule("INVITATION_ACCEPTED", "This invitation was already accepted");
}

/** The account the invitation is for: the one POST /users created, else whoever owns the address now. */
async function invitee(i: InvitationRow): Promise<UserRow | undefined> {
  return (i.userId ? await findUserById(i.userId) : undefined) ?? (await findUserByEmail(i.email));
}

/** Existing accounts prove themselves with their password; new or passwordless ones choose one (and a name if new). */
async function credentials(meta: RequestMeta, user: UserRow | undefined, input: { name?: string; password?: string }) {
  if (user?.passwordHash) {
    await assertRateLimit([[`login:account:${user.email.toLowerCase()}`, LIMITS.loginAccount]]);
    if (!input.password || !(await verifyPassword(user.passwordHash, input.password))) {
      throw errors.unauthenticated("An account with this email exists: enter its password to join");
    }
    return { passwordHash: undefined, name: undefined };
  }
  const details: ErrorDetail[] = [];
  if (!user && !input.name) details.push({ path: "name", message: "is required" });
  if (!input.password) details.push({ path: "password", message: "is required" });
  else if (input.password.length < MIN_PASSWORD) details.push({ path: "password", message: `must be at least ${MIN_PASSWORD} characters` });
  if (details.length) throw errors.validation("Choose a password to create your account", details);
  return { passwordHash: await hashPassword(input.password!), name: input.name };
}

export async function acceptInvitation(meta: RequestMeta, token: string, input: { name?: string; password?: string }) {
  const { invitation: i } = await invitationFromToken(meta, token);
  assertAcceptable(i);
  const user = await invitee(i);
  const chosen = await credentials(meta, user, input);

  const userId = await getDb().transaction(async (tx) => {
    let id: number;
    if (!user) id = (await insertUser({ email: i.email, name: chosen.name!, passwordHash: chosen.passwordHash }, tx)).id;
    else {
      id = user.id;
      if (chosen.passwordHash) await updateUser(id, { passwordHash: chosen.passwordHash, ...(chosen.name ? { name: chosen.name } : {}) }, tx);
    }
    // The conditional update is the real check: of two concurrent accepts only one claims the invitation.
    if (!(await markInvitationAccepted(i.id, id, tx))) {
      const now = await findInvitationByTokenHash(i.tokenHash, tx);
      if (now) assertAcceptable(now.invitation);
      throw errors.notFound("Invitation");
    }
    await insertMembership({ orgId: i.orgId, userId: id, role: i.role }, tx);
    await audit({ ...meta, orgId: i.orgId, userId: id }, "invitation.accepted", { type: "invitation", id: i.id }, { email: i.email, role: i.role }, tx);
    return id;
  });

  await markLoggedIn(userId, i.orgId);
  emit("invitation.changed", { orgId: i.orgId, invitationId: i.id });
  emit("user.updated", { orgId: i.orgId, userId });
  return issueSession(userId, i.orgId);
}
