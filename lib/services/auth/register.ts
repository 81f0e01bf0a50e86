import { getDb } from "@/db/client";
import { findUserByEmail, insertMembership, insertOrganization, insertUser, slugExists } from "@/db/queries/users";
import type { RequestMeta } from "@/lib/api/context";
import { errors } from "@/lib/api/errors";
import { hashPassword } from "@/lib/auth/password";
import { randomToken } from "@/lib/crypto/tokens";
import { audit } from "@/lib/services/audit";
import { assertRateLimit, LIMITS } from "@/lib/services/rate-limit";
import { issueSession, markLoggedIn } from "./session";

export function slugify(text: string) {
  const base = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return base || "org";
}

export async function uniqueSlug(text: string, tx = getDb()) {
  const base = slugify(text);
  if (!(await slugExists(base, tx))) return base;
  for (let i = 2; i < 50; i++) if (!(await slugExists(`${base}-${i}`, tx))) return `${base}-${i}`;
  return `${base}-${randomToken(4).toLowerCase().replace(/[^a-z0-9]/g, "")}`;
}

export type RegisterInput = { companyName: string; name: string; email: string; password: string; locale?: "es" | "en" };

/** Creates an organization with its first admin and signs them in. */
export async function registerOrganization(meta: RequestMeta, input: RegisterInput) {
  await assertRateLimit([[`register:ip:${meta.ip}`, LIMITS.registerIp]]);
  if (await findUserByEmail(input.email)) {
    throw errors.conflict("An account with this email already exists", [{ path: "email", message: "is already registered" }]);
  }
  const passwordHash = await hashPassword(input.password);
  const { user, org } = await getDb().transaction(async (tx) => {
    const org = await insertOrganization({ name: input.companyName, slug: await uniqueSlug(input.companyName, tx), locale: input.locale ?? "es" }, tx);
    const user = await insertUser({ email: input.email, name: input.name, passwordHash, locale: input.locale }, tx);
    await insertMembership({ orgId: org.id, userId: user.id, role: "ADMIN" }, tx);
    await audit({ ...meta, orgId: org.id, userId: user.id }, "auth.register", { type: "organization", id: org.id }, undefined, tx);
    return { user, org };
  });
  await markLoggedIn(user.id, org.id);
  return issueSession(user.id, org.id);
}
