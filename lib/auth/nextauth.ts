import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { headers } from "next/headers";
import { cache } from "react";
import { z } from "zod";
import { clientIp, type Ctx, type RequestMeta } from "@/lib/api/context";
import { AppError } from "@/lib/api/errors";
import { authenticate } from "@/lib/auth/principal";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { checkPassword } from "@/lib/services/auth/login";
import { checkLoginCode } from "@/lib/services/auth/login-code";
import { resolveLoginOrg } from "@/lib/services/auth/session";

declare module "next-auth" {
  interface User {
    orgId?: string;
    tokenVersion?: number;
  }
  interface Session {
    orgId?: string;
  }
}

declare module "next-auth/jwt" {
  /** Exactly what lib/auth/principal.ts (SessionClaims) decodes from the cookie. */
  interface JWT {
    uid?: string;
    org?: string;
    ver?: number;
  }
}

const SESSION_MAX_AGE = 30 * 24 * 60 * 60;

/**
 * The login page reads `code` to tell "wrong email or password" from "too many attempts, retry in N s".
 * It travels in the redirect URL, so it never says whether the account exists.
 */
export type LoginErrorCode = "invalid_credentials" | "invalid_code" | "forbidden" | `rate_limited:${number}`;

class LoginError extends CredentialsSignin {
  constructor(code: LoginErrorCode) {
    super();
    this.code = code;
  }
}

function toLoginError(e: unknown, invalid: LoginErrorCode): never {
  if (!(e instanceof AppError)) throw e;
  if (e.status === 429) throw new LoginError(`rate_limited:${Number(e.headers?.["Retry-After"] ?? 60)}`);
  if (e.status === 403) throw new LoginError("forbidden");
  throw new LoginError(invalid);
}

const optionalOrgId = z
  .string()
  .regex(/^\d{1,15}$/)
  .transform(Number)
  .optional()
  .catch(undefined);
const passwordInput = z.object({ email: z.string().trim().min(1).max(254), password: z.string().min(1).max(200), orgId: optionalOrgId });
const codeInput = z.object({ email: z.string().trim().min(1).max(254), code: z.string().trim().min(1).max(20), orgId: optionalOrgId });

const requestMeta = (req: Request): RequestMeta => ({
  requestId: crypto.randomUUID(),
  ip: clientIp(req),
  userAgent: req.headers.get("user-agent") ?? undefined,
});

const toUser = (r: { userId: number; orgId: number; tokenVersion: number }) => ({
  id: String(r.userId),
  orgId: String(r.orgId),
  tokenVersion: r.tokenVersion,
});

const config = (): NextAuthConfig => ({
  secret: env().AUTH_SECRET,
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE },
  pages: { signIn: "/login", error: "/login" },
  // A wrong password is an answer, not a server error: Auth.js would log each one with a stack trace.
  logger: {
    error(error) {
      if (error instanceof CredentialsSignin) return;
      log.error("auth error", { error });
    },
    warn(code) {
      log.warn("auth warning", { code });
    },
  },
  providers: [
    Credentials({
      id: "password",
      credentials: { email: {}, password: {}, orgId: {} },
      async authorize(raw, req) {
        const input = passwordInput.safeParse(raw);
        if (!input.success) throw new LoginError("invalid_credentials");
        const { email, password, orgId } = input.data;
        return checkPassword(requestMeta(req), email, password, orgId).then(toUser, (e) => toLoginError(e, "invalid_credentials"));
      },
    }),
    Credentials({
      id: "code",
      credentials: { email: {}, code: {}, orgId: {} },
      async authorize(raw, req) {
        const input = codeInput.safeParse(raw);
        if (!input.success) throw new LoginError("invalid_code");
        const { email, code, orgId } = input.data;
        return checkLoginCode(requestMeta(req), email, code, orgId).then(toUser, (e) => toLoginError(e, "invalid_code"));
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user, trigger, session }) {
      // The API wrapper decodes this cookie itself, so the token carries only the claims it reads.
      if (user) return { uid: user.id, org: user.orgId, ver: user.tokenVersion };
      if (trigger === "update" && token.uid) {
        const wanted = Number((session as { orgId?: unknown } | undefined)?.orgId);
        if (!Number.isInteger(wanted) || wanted <= 0) return token;
        try {
          // Only an org the user belongs to (and that is active) can be switched to; anything else keeps the current one.
          const { chosen } = await resolveLoginOrg(Number(token.uid), wanted);
          if (chosen.org.id === wanted) return { uid: token.uid, org: String(wanted), ver: token.ver };
        } catch {
          // A suspended org: stay where we are.
        }
      }
      return { uid: token.uid, org: token.org, ver: token.ver };
    },
    session({ session, token }) {
      return { ...session, user: { ...session.user, id: token.uid ?? "" }, orgId: token.org };
    },
  },
});

export const { handlers, auth, signIn, signOut, unstable_update } = NextAuth(() => config());

export type PageCtx = { ctx: Ctx } | { ctx: null; reason: "signed_out" | "suspended" };

/**
 * For server pages and layouts: the same principal the API would see for this browser's cookie, so a session whose
 * password changed elsewhere (stale token version) or whose membership ended counts as signed out.
 */
export const pageContext = cache(async (): Promise<PageCtx> => {
  const h = await headers();
  const cookieHeader = h.get("cookie");
  if (!cookieHeader) return { ctx: null, reason: "signed_out" };
  const req = new Request(`${env().APP_URL}/`, { headers: { cookie: cookieHeader, "user-agent": h.get("user-agent") ?? "" } });
  try {
    const principal = await authenticate(req);
    if (!principal?.user) return { ctx: null, reason: "signed_out" };
    return { ctx: { ...principal, requestId: crypto.randomUUID(), ip: clientIp(new Request(req.url, { headers: h })), userAgent: h.get("user-agent") ?? undefined } };
  } catch (e) {
    if (e instanceof AppError && e.status === 403) return { ctx: null, reason: "suspended" };
    throw e;
  }
});
