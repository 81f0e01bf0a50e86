import type { Tx } from "@/db/client";
import {
  findPendingInvitationByEmail,
  insertInvitation,
  lockInvitee,
  rotateInvitationToken,
  type InvitationRow,
  type InvitationStatus,
  type InvitationWithInviter,
} from "@/db/queries/invitations";
import { findMembership, findOrganization, findUserByEmail, type Role } from "@/db/queries/users";
import type { Ctx } from "@/lib/api/context";
import type { InvitationDto } from "@/lib/api/contracts/invitations";
import { errors } from "@/lib/api/errors";
import { randomToken, sha256 } from "@/lib/crypto/tokens";
import { env } from "@/lib/env";
import { emit } from "@/lib/events/emit";
import { sendMail } from "@/lib/mail/send";
import { invitationMail, mailLocale } from "@/lib/mail/templates";

export const INVITATION_TTL_DAYS = 7;

export const notPending = () => errors.rule("INVITATION_NOT_PENDING", "This invitation was already accepted or revoked");

export function invitationStatus(row: Pick<InvitationRow, "acceptedAt" | "revokedAt" | "expiresAt">, now = new Date()): InvitationStatus {
  if (row.acceptedAt) return "ACCEPTED";
  if (row.revokedAt) return "REVOKED";
  return row.expiresAt <= now ? "EXPIRED" : "PENDING";
}

export function invitationDto({ invitation: i, inviter }: InvitationWithInviter): InvitationDto {
  return {
    id: String(i.id),
    email: i.email,
    name: i.name,
    role: i.role,
    status: invitationStatus(i),
    invitedBy: inviter ? { id: String(inviter.id), name: inviter.name } : null,
    expiresAt: i.expiresAt.toISOString(),
    acceptedAt: i.acceptedAt?.toISOString() ?? null,
    createdAt: i.createdAt.toISOString(),
    sentCount: i.sentCount,
  };
}

export const inviteUrl = (token: string) => `${env().APP_URL}/invite/${token}`;

export const withUrl = (found: InvitationWithInviter, token: string) => ({ ...invitationDto(found), inviteUrl: inviteUrl(token) });

/** Only the hash is stored: the link is shown once (mail and the creating answer) and cannot be read back. */
function mintToken() {
  const token = randomToken(32);
  return { token, tokenHash: sha256(token), expiresAt: new Date(Date.now() + INVITATION_TTL_DAYS * 86_400_000) };
}

/**
 * Refuses an address that is already a member of the org or already holds a pending invitation there. Holds a lock on
 * the address until the transaction ends, so the check stays true until the invitation is written.
 */
export async function assertInvitable(orgId: number, email: string, tx: Tx) {
  await lockInvitee(orgId, email, tx);
  const user = await findUserByEmail(email, tx);
  if (user && (await findMembership(orgId, user.id, tx))) {
    throw errors.conflict("This person is already a member of the organization", [{ path: "email", message: "is already a member" }]);
  }
  if (await findPendingInvitationByEmail(orgId, email, tx)) {
    throw errors.conflict("This email already has a pending invitation", [
      { path: "email", message: "already has a pending invitation; resend it instead" },
    ]);
  }
  return user;
}

export type NewInvitation = { email: string; name?: string | null; role: Role; userId?: number };

/** Writes the invitation (call `assertInvitable` first, in the same transaction). */
export async function insertInvitationFor(ctx: Ctx, input: NewInvitation, tx: Tx) {
  const { token, tokenHash, expiresAt } = mintToken();
  const row = await insertInvitation(
    { orgId: ctx.orgId, email: input.email, name: input.name ?? null, role: input.role, userId: input.userId, tokenHash, invitedById: ctx.user?.id ?? null, expiresAt },
    tx,
  );
  const found: InvitationWithInviter = { invitation: row, inviter: ctx.user ? { id: ctx.user.id, name: ctx.user.name } : null };
  return { found, token };
}

/** Mail leaves after the commit (it is a job): a rolled-back invitation never sends a link that does not work. */
export async function deliverInvitation(found: InvitationWithInviter, token: string) {
  const org = await findOrganization(found.invitation.orgId);
  if (!org) return;
  const mail = invitationMail({ orgName: org.name, inviterName: found.inviter?.name, token, locale: mailLocale(org.locale), expiresAt: found.invitation.expiresAt });
  await sendMail({ to: found.invitation.email, orgId: org.id, ...mail });
  emit("invitation.changed", { orgId: org.id, invitationId: found.invitation.id });
}

/** New link, new expiry, sent again: the old link stops working. Expired invitations qualify; accepted or revoked do not. */
export async function reissueInvitation(ctx: Ctx, found: InvitationWithInviter) {
  if (found.invitation.acceptedAt || found.invitation.revokedAt) throw notPending();
  const { token, tokenHash, expiresAt } = mintToken();
  const row = await rotateInvitationToken(ctx.orgId, found.invitation.id, tokenHash, expiresAt);
  if (!row) throw notPending();
  const updated = { invitation: row, inviter: found.inviter };
  await deliverInvitation(updated, token);
  return withUrl(updated, token);
}
