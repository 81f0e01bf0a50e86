import { encode } from "next-auth/jwt";
import type { SessionClaims } from "@/lib/auth/principal";
import { env } from "@/lib/env";

const COOKIE = "authjs.session-token";

/** A browser session cookie exactly as next-auth would set it, for calling handlers "from the browser". */
export async function sessionCookie(user: { id: number; tokenVersion?: number }, org: { id: number }) {
  const claims: SessionClaims = { uid: String(user.id), org: String(org.id), ver: user.tokenVersion ?? 0 };
  const token = await encode({ token: { ...claims, sub: String(user.id) }, secret: env().AUTH_SECRET, salt: COOKIE, maxAge: 3600 });
  return `${COOKIE}=${token}`;
}
