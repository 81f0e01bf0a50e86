import { findUserByEmail } from "@/db/queries/users";
import type { RequestMeta } from "@/lib/api/context";
import { errors } from "@/lib/api/errors";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { audit } from "@/lib/services/audit";
import { assertRateLimit, LIMITS } from "@/lib/services/rate-limit";
import { issueSession, markLoggedIn, resolveLoginOrg } from "./session";

// Verifying against a fixed hash when the account does not exist keeps the response time from revealing it.
let dummyHash: Promise<string> | undefined;

/** Checks email + password (rate limited per IP and per account); returns the user id and the org to sign into. */
export async function checkPassword(meta: RequestMeta, email: string, password: string, orgId?: number) {
  await assertRateLimit([
    [`login:ip:${meta.ip}`, LIMITS.loginIp],
    [`login:account:${email.toLowerCase()}`, LIMITS.loginAccount],
  ]);
  const user = await findUserByEmail(email);
  const valid = await verifyPassword(user?.passwordHash ?? (await (dummyHash ??= hashPassword("not-a-real-account"))), password);
  if (!user || !valid || !user.passwordHash) {
    if (user) await audit({ ...meta, orgId: null, userId: user.id }, "auth.login_failed", { type: "user", id: user.id });
    throw errors.unauthenticated("Invalid email or password");
  }
  const { chosen } = await resolveLoginOrg(user.id, orgId);
  await markLoggedIn(user.id, chosen.org.id);
  await audit({ ...meta, orgId: chosen.org.id, userId: user.id }, "auth.login", { type: "user", id: user.id }, { method: "password" });
  return { userId: user.id, orgId: chosen.org.id, tokenVersion: user.tokenVersion };
}

export async function loginWithPassword(meta: RequestMeta, input: { email: string; password: string; orgId?: number }) {
  const { userId, orgId } = await checkPassword(meta, input.email, input.password, input.orgId);
  return issueSession(userId, orgId);
}
