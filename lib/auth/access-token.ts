import { jwtVerify, SignJWT } from "jose";
import { env } from "@/lib/env";

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

export type AccessClaims = {
  userId: number;
  orgId: number;
  tokenVersion: number;
  familyId: string;
  impersonatorId?: number;
};

let cachedKey: { secret: string; key: Uint8Array } | undefined;
function signingKey() {
  const secret = env().AUTH_SECRET;
  if (cachedKey?.secret !== secret) cachedKey = { secret, key: new TextEncoder().encode(`access:${secret}`) };
  return cachedKey.key;
}

export async function signAccessToken(c: AccessClaims, ttlSeconds = ACCESS_TOKEN_TTL_SECONDS): Promise<string> {
  return new SignJWT({ org: String(c.orgId), ver: c.tokenVersion, fam: c.familyId, ...(c.impersonatorId ? { imp: String(c.impersonatorId) } : {}) })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(String(c.userId))
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
    .setIssuer("cx-inbox")
    .sign(signingKey());
}

export async function verifyAccessToken(token: string): Promise<AccessClaims | null> {
  try {
    const { payload } = await jwtVerify(token, signingKey(), { issuer: "cx-inbox", algorithms: ["HS256"] });
    const userId = Number(payload.sub);
    const orgId = Number(payload.org);
    if (!Number.isSafeInteger(userId) || !Number.isSafeInteger(orgId)) return null;
    return {
      userId,
      orgId,
      tokenVersion: Number(payload.ver ?? 0),
      familyId: String(payload.fam ?? ""),
      impersonatorId: payload.imp ? Number(payload.imp) : undefined,
    };
  } catch {
    return null;
  }
}
