import { findInvitationByTokenHash } from "@/db/queries/invitations";
import { findUserByEmail } from "@/db/queries/users";
import type { RequestMeta } from "@/lib/api/context";
import { errors } from "@/lib/api/errors";
import { sha256 } from "@/lib/crypto/tokens";
import { fileUrl } from "@/lib/services/identity/dto";
import { assertRateLimit, LIMITS } from "@/lib/services/rate-limit";
import { invitationStatus } from "./shared";

/** The invitation behind a public link. Rate limited per IP: tokens are unguessable, but probing costs nothing. */
export async function invitationFromToken(meta: RequestMeta, token: string) {
  await assertRateLimit([[`invitation-token:ip:${meta.ip}`, LIMITS.publicTokenIp]]);
  const found = await findInvitationByTokenHash(sha256(token));
  if (!found) throw errors.notFound("Invitation");
  return found;
}

/** What the accept page needs: who invites whom where, and whether to ask for an existing password or a new one. */
export async function viewInvitation(meta: RequestMeta, token: string) {
  const { invitation: i, inviter, org } = await invitationFromToken(meta, token);
  const account = await findUserByEmail(i.email);
  return {
    email: i.email,
    name: i.name,
    role: i.role,
    organization: { id: String(org.id), name: org.name, logoUrl: fileUrl(org.logoFileId) },
    invitedBy: inviter?.name ?? null,
    status: invitationStatus(i),
    expiresAt: i.expiresAt.toISOString(),
    accountExists: Boolean(account?.passwordHash),
  };
}
