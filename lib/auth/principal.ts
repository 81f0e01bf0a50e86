import { decode } from "next-auth/jwt";
import { findApiKeyPrincipal, findMemberPrincipal, findSuperAdminPrincipal, touchApiKey, type PrincipalUser } from "@/db/queries/principal";
import type { OrgRow } from "@/db/queries/users";
import { errors } from "@/lib/api/errors";
import { permissionsOf, ROLE_PERMISSIONS, type Permission, type Role } from "@/lib/api/permissions";
import { verifyAccessToken } from "@/lib/auth/access-token";
import { sha256 } from "@/lib/crypto/tokens";
import { env } from "@/lib/env";

export const API_KEY_PREFIX = "cxk_";
export const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

export type Principal = {
  orgId: number;
  role: Role;
  permissions: ReadonlySet<Permission>;
  /** null when the caller is an API key. Loaded with the org in the authentication query, so reading them is free. */
  user: PrincipalUser | null;
  org: OrgRow;
  apiKeyId: number | null;
  via: "bearer" | "api_key" | "session";
  impersonatorId?: number;
};

/** Session JWT claims that the browser cookie carries (see lib/auth/nextauth.ts). */
export type SessionClaims = { uid?: string; org?: string; ver?: number };

function readCookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  const parts = header.split(/;\s*/);
  const exact = parts.find((p) => p.startsWith(`${name}=`));
  if (exact) return decodeURIComponent(exact.slice(name.length + 1));
  // Auth.js splits cookies over 4 KB into name.0, name.1, ...
  const chunks = parts
    .filter((p) => p.startsWith(`${name}.`))
    .map((p) => {
      const eq = p.indexOf("=");
      return { i: Number(p.slice(name.length + 1, eq)), v: p.slice(eq + 1) };
    })
    .sort((a, b) => a.i - b.i);
  return chunks.length ? decodeURIComponent(chunks.map((c) => c.v).join("")) : undefined;
}

export async function readSessionClaims(cookieHeader: string | null): Promise<SessionClaims | null> {
  for (const name of SESSION_COOKIES) {
    const value = readCookie(cookieHeader, name);
    if (!value) continue;
    try {
      return (await decode<SessionClaims>({ token: value, secret: env().AUTH_SECRET, salt: name })) ?? null;
    } catch {
      return null;
    }
  }
  return null;
}

async function memberPrincipal(
  userId: number,
  orgId: number,
  tokenVersion: number,
  via: Principal["via"],
  impersonatorId?: number,
): Promise<Principal | null> {
  // Super admins reach any org (the "enter org" token of the admin console carries impersonatorId for the audit trail).
  const row = (await findMemberPrincipal(userId, orgId)) ?? (await findSuperAdminPrincipal(userId, orgId));
  if (!row || row.user.tokenVersion !== tokenVersion) return null;
  if (row.org.status !== "ACTIVE" && !row.user.isSuperAdmin) throw errors.forbidden("This organization is suspended");
  return {
    orgId: row.org.id,
    role: row.role,
    permissions: permissionsOf(row.role, row.user.isSuperAdmin),
    user: row.user,
    org: row.org,
    apiKeyId: null,
    via,
    impersonatorId,
  };
}

async function apiKeyPrincipal(key: string): Promise<Principal | null> {
  const row = await findApiKeyPrincipal(sha256(key));
  if (!row || !row.enabled || (row.expiresAt && row.expiresAt < new Date())) return null;
  if (row.org.status !== "ACTIVE") throw errors.forbidden("This organization is suspended");
  // Writing last-used on every call would turn each read into a write; a minute's precision is enough.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) void touchApiKey(row.apiKeyId).catch(() => {});
  return { orgId: row.org.id, role: row.role, permissions: ROLE_PERMISSIONS[row.role], user: null, org: row.org, apiKeyId: row.apiKeyId, via: "api_key" };
}

/** Who is calling: a bearer access token, an org API key, or the browser's session cookie. */
export async function authenticate(req: Request): Promise<Principal | null> {
  const header = req.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(.+)$/i.exec(header.trim());
    if (!match) return null;
    const token = match[1].trim();
    if (token.startsWith(API_KEY_PREFIX)) return apiKeyPrincipal(token);
    const claims = await verifyAccessToken(token);
    return claims ? memberPrincipal(claims.userId, claims.orgId, claims.tokenVersion, "bearer", claims.impersonatorId) : null;
  }
  const session = await readSessionClaims(req.headers.get("cookie"));
  if (!session?.uid || !session.org) return null;
  return memberPrincipal(Number(session.uid), Number(session.org), Number(session.ver ?? 0), "session");
}
