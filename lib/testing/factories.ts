import { randomUUID } from "node:crypto";
import { getDb } from "@/db/client";
import { apiKeys, memberships, organizations, users } from "@/db/schema";
import { signAccessToken } from "@/lib/auth/access-token";
import { hashPassword } from "@/lib/auth/password";
import type { Ctx } from "@/lib/api/context";
import { API_KEY_PREFIX, authenticate } from "@/lib/auth/principal";
import { randomToken, sha256 } from "@/lib/crypto/tokens";

let seq = 0;
const unique = () => `${Date.now().toString(36)}${(seq++).toString(36)}`;

export async function createOrg(values: Partial<typeof organizations.$inferInsert> = {}) {
  const tag = unique();
  const [org] = await getDb()
    .insert(organizations)
    .values({ name: `Org ${tag}`, slug: `org-${tag}`, ...values })
    .returning();
  return org;
}

let cachedHash: Promise<string> | undefined;
export const TEST_PASSWORD = "correct-horse-battery";

export async function createUser(opts: { org?: { id: number }; role?: "ADMIN" | "AGENT"; email?: string; name?: string; password?: string | null; superAdmin?: boolean } = {}) {
  const passwordHash =
    opts.password === null ? null : opts.password ? await hashPassword(opts.password) : await (cachedHash ??= hashPassword(TEST_PASSWORD));
  const [user] = await getDb()
    .insert(users)
    .values({ email: opts.email ?? `user-${unique()}@example.test`, name: opts.name ?? "Test User", passwordHash, isSuperAdmin: opts.superAdmin ?? false })
    .returning();
  if (opts.org) await getDb().insert(memberships).values({ orgId: opts.org.id, userId: user.id, role: opts.role ?? "AGENT" });
  return user;
}

/** An org with an admin and an agent, and bearer tokens for both: the usual cast of an API test. */
export async function createTeam() {
  const org = await createOrg();
  const admin = await createUser({ org, role: "ADMIN", name: "Ada Admin" });
  const agent = await createUser({ org, role: "AGENT", name: "Alan Agent" });
  return { org, admin, agent, adminToken: await tokenFor(admin, org), agentToken: await tokenFor(agent, org) };
}

export async function tokenFor(user: { id: number; tokenVersion?: number }, org: { id: number }) {
  return signAccessToken({ userId: user.id, orgId: org.id, tokenVersion: user.tokenVersion ?? 0, familyId: randomUUID() });
}

export async function createApiKey(org: { id: number }, role: "ADMIN" | "AGENT" = "ADMIN") {
  const secret = `${API_KEY_PREFIX}${randomToken(6)}_${randomToken(24)}`;
  const [row] = await getDb()
    .insert(apiKeys)
    .values({ orgId: org.id, name: `key ${unique()}`, prefix: secret.slice(0, 12), keyHash: sha256(secret), role })
    .returning();
  return { row, secret };
}

/** The service context a request of this user in this org would get (built by the real authentication path). */
export async function ctxFor(user: { id: number; tokenVersion?: number }, org: { id: number }): Promise<Ctx> {
  const req = new Request("http://localhost/", { headers: { authorization: `Bearer ${await tokenFor(user, org)}` } });
  const principal = await authenticate(req);
  if (!principal) throw new Error(`user ${user.id} is not a member of org ${org.id}`);
  return { ...principal, requestId: "test", ip: "127.0.0.1" };
}

export async function addMembership(org: { id: number }, user: { id: number }, role: "ADMIN" | "AGENT" = "AGENT") {
  await getDb().insert(memberships).values({ orgId: org.id, userId: user.id, role });
}
