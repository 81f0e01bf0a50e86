import { randomUUID } from "node:crypto";
import { consumeRefreshToken, insertRefreshToken, revokeFamily } from "@/db/queries/sessions";
import { findUserById, listUserOrganizations, recordLogin } from "@/db/queries/users";
import { emit } from "@/lib/events/emit";
import type { RequestMeta } from "@/lib/api/context";
import { errors } from "@/lib/api/errors";
import { ACCESS_TOKEN_TTL_SECONDS, signAccessToken } from "@/lib/auth/access-token";
import { randomToken, sha256 } from "@/lib/crypto/tokens";
import { audit } from "@/lib/services/audit";
import { organizationDto, userDto } from "@/lib/services/identity/dto";
import { assertRateLimit, LIMITS } from "@/lib/services/rate-limit";

const REFRESH_TTL_DAYS = 30;
const IMPERSONATION_TTL_SECONDS = 30 * 60;

/** Picks the org to sign into: the requested one if the user belongs to it, else the oldest membership. */
export async function resolveLoginOrg(userId: number, wantedOrgId?: number) {
  const orgs = await listUserOrganizations(userId);
  const usable = orgs.filter((o) => o.org.status === "ACTIVE");
  const chosen = (wantedOrgId && orgs.find((o) => o.org.id === wantedOrgId)) || usable[0] || orgs[0];
  if (!chosen) throw errors.forbidden("This account does not belong to any organization");
  if (chosen.org.status !== "ACTIVE") throw errors.forbidden("This organization is suspended");
  return { chosen, orgs };
}

/** Access token + a new refresh-token family, and the payload every login-like endpoint answers with. */
export async function issueSession(userId: number, wantedOrgId?: number, opts: { impersonatorId?: number; familyId?: string; requireOrg?: boolean } = {}) {
  const user = await findUserById(userId);
  if (!user) throw errors.unauthenticated("Account not found");
  const { chosen, orgs } = await resolveLoginOrg(userId, wantedOrgId);
  if (opts.requireOrg && chosen.org.id !== wantedOrgId && !user.isSuperAdmin) throw errors.unauthenticated("No longer a member of this organization");
  const familyId = opts.familyId ?? randomUUID();
  const refreshToken = `rt_${randomToken(32)}`;
  const ttl = opts.impersonatorId ? IMPERSONATION_TTL_SECONDS : ACCESS_TOKEN_TTL_SECONDS;
  await insertRefreshToken({
    familyId,
    userId,
    orgId: chosen.org.id,
    tokenHash: sha256(refreshToken),
    impersonatorId: opts.impersonatorId,
    expiresAt: new Date(Date.now() + (opts.impersonatorId ? IMPERSONATION_TTL_SECONDS * 1000 : REFRESH_TTL_DAYS * 86_400_000)),
  });
  const accessToken = await signAccessToken(
    { userId, orgId: chosen.org.id, tokenVersion: user.tokenVersion, familyId, impersonatorId: opts.impersonatorId },
    ttl,
  );
  return {
    accessToken,
    refreshToken,
    expiresIn: ttl,
    user: userDto(user, chosen.role),
    organization: organizationDto(chosen.org),
    organizations: orgs.map((o) => ({ id: String(o.org.id), name: o.org.name, role: o.role })),
  };
}

/** A sign-in through any client: remembered, and an offline user shows as online to their team. */
export async function markLoggedIn(userId: number, orgId: number) {
  if (await recordLogin(userId)) emit("user.presence_changed", { orgId, userId, status: "ONLINE" });
}

/**
 * Rotation: each refresh token works once. Presenting a used one means it was stolen or replayed, so the whole family
 * (every token descended from that login) is revoked.
 */
export async function refreshSession(meta: RequestMeta, refreshToken: string) {
  await assertRateLimit([[`refresh:ip:${meta.ip}`, LIMITS.refreshIp]]);
  const found = await consumeRefreshToken(sha256(refreshToken));
  if (!found) throw errors.unauthenticated("Invalid refresh token");
  const { token, reused } = found;
  if (reused) {
    if (!token.revokedAt) {
      await revokeFamily(token.familyId);
      await audit({ ...meta, orgId: token.orgId, userId: token.userId }, "auth.refresh_reuse", { type: "user", id: token.userId }, { familyId: token.familyId });
    }
    throw errors.unauthenticated("Refresh token was already used; please sign in again");
  }
  if (token.expiresAt < new Date()) throw errors.unauthenticated("Refresh token expired");
  return issueSession(token.userId, token.orgId, { familyId: token.familyId, impersonatorId: token.impersonatorId ?? undefined, requireOrg: true });
}
