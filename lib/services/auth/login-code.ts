import { getDb } from "@/db/client";
import { consumeLoginCode, expireUnusedLoginCodes, insertLoginCode, spendLoginCodeAttempt } from "@/db/queries/login-codes";
import { findUserByEmail } from "@/db/queries/users";
import type { RequestMeta } from "@/lib/api/context";
import { errors } from "@/lib/api/errors";
import { randomDigits, safeEqual, sha256 } from "@/lib/crypto/tokens";
import { sendMail } from "@/lib/mail/send";
import { loginCodeMail } from "@/lib/mail/templates";
import { audit } from "@/lib/services/audit";
import { preferredLocale } from "@/lib/services/profile/locale";
import { assertRateLimit, LIMITS } from "@/lib/services/rate-limit";
import { issueSession, markLoggedIn, resolveLoginOrg } from "./session";

export const LOGIN_CODE_TTL_SECONDS = 600;
const MAX_ATTEMPTS = 5;

// Requests and guesses are counted apart: a user who asks for a code must still have guesses left to type it.
const limitCodes = (step: "request" | "verify", meta: RequestMeta, email: string) =>
  assertRateLimit([
    [`code-${step}:ip:${meta.ip}`, LIMITS.codeIp],
    [`code-${step}:account:${email.toLowerCase()}`, LIMITS.codeAccount],
  ]);

/**
 * Mails a one-time sign-in code to the account with this email, if there is one. The answer is the same either way,
 * so the endpoint cannot be used to learn which emails have accounts.
 */
export async function requestLoginCode(meta: RequestMeta, input: { email: string }) {
  await limitCodes("request", meta, input.email);
  const user = await findUserByEmail(input.email);
  if (user) {
    const code = randomDigits(6);
    await getDb().transaction(async (tx) => {
      await expireUnusedLoginCodes(user.id, tx);
      await insertLoginCode({ userId: user.id, codeHash: sha256(code), expiresAt: new Date(Date.now() + LOGIN_CODE_TTL_SECONDS * 1000) }, tx);
    });
    const mail = loginCodeMail({ code, locale: await preferredLocale(user), minutes: LOGIN_CODE_TTL_SECONDS / 60 });
    // orgId null keeps the code out of every org's dev mailbox: an org admin reading it could sign in as this user.
    await sendMail({ to: user.email, ...mail, orgId: null });
  }
  return { success: true as const, expiresIn: LOGIN_CODE_TTL_SECONDS };
}

/**
 * Checks an email code (rate limited, at most 5 guesses per code, single use); returns the user and the org to sign
 * into. The browser's next-auth "code" provider and POST /auth/verify-code both sign in through it.
 */
export async function checkLoginCode(meta: RequestMeta, email: string, code: string, orgId?: number) {
  await limitCodes("verify", meta, email);
  const user = await findUserByEmail(email);
  const live = user ? await spendLoginCodeAttempt(user.id, MAX_ATTEMPTS) : undefined;
  const matches = live ? safeEqual(live.codeHash, sha256(code.trim())) : false;
  if (!user || !live || !matches || !(await consumeLoginCode(live.id))) {
    if (user) await audit({ ...meta, orgId: null, userId: user.id }, "auth.login_failed", { type: "user", id: user.id }, { method: "code" });
    throw errors.unauthenticated("Invalid or expired code");
  }
  const { chosen } = await resolveLoginOrg(user.id, orgId);
  await markLoggedIn(user.id, chosen.org.id);
  await audit({ ...meta, orgId: chosen.org.id, userId: user.id }, "auth.code_login", { type: "user", id: user.id });
  return { userId: user.id, orgId: chosen.org.id, tokenVersion: user.tokenVersion };
}

export async function loginWithCode(meta: RequestMeta, input: { email: string; code: string; orgId?: number }) {
  const { userId, orgId } = await checkLoginCode(meta, input.email, input.code, input.orgId);
  return issueSession(userId, orgId);
}
