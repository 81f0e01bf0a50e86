import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apiKeys, memberships, organizations, users } from "@/db/schema";

const userColumns = {
  userId: users.id,
  email: users.email,
  name: users.name,
  isSuperAdmin: users.isSuperAdmin,
  tokenVersion: users.tokenVersion,
  orgId: organizations.id,
  orgStatus: organizations.status,
};

/** One round trip: the user, their membership in the org and the org, or nothing if any of them is gone. */
export async function findMemberPrincipal(userId: number, orgId: number) {
  const [row] = await getDb()
    .select({ ...userColumns, role: memberships.role })
    .from(users)
    .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.orgId, orgId), isNull(memberships.deletedAt)))
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(and(eq(users.id, userId), isNull(users.deletedAt)))
    .limit(1);
  return row;
}

/** Super admins may act in any org (audited), even without a membership. */
export async function findSuperAdminPrincipal(userId: number, orgId: number) {
  const [row] = await getDb()
    .select(userColumns)
    .from(users)
    .innerJoin(organizations, eq(organizations.id, orgId))
    .where(and(eq(users.id, userId), isNull(users.deletedAt), eq(users.isSuperAdmin, true)))
    .limit(1);
  return row ? { ...row, role: "ADMIN" as const } : undefined;
}

export async function findApiKeyPrincipal(keyHash: string) {
  const [row] = await getDb()
    .select({
      apiKeyId: apiKeys.id,
      role: apiKeys.role,
      enabled: apiKeys.enabled,
      expiresAt: apiKeys.expiresAt,
      lastUsedAt: apiKeys.lastUsedAt,
      orgId: organizations.id,
      orgStatus: organizations.status,
    })
    .from(apiKeys)
    .innerJoin(organizations, eq(organizations.id, apiKeys.orgId))
    .where(eq(apiKeys.keyHash, keyHash))
    .limit(1);
  return row;
}

export async function touchApiKey(id: number) {
  await getDb()
    .update(apiKeys)
    .set({ lastUsedAt: sql`now()` })
    .where(eq(apiKeys.id, id));
}
