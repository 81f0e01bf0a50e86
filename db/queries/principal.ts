import { and, asc, eq, getTableColumns, isNull, sql } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { apiKeys, memberships, organizations, users } from "@/db/schema";

// Everything about the user but the password hash, which has no business travelling in a request context.
const { passwordHash: _omitted, ...userFields } = getTableColumns(users);
const accountColumns = { user: { ...userFields, hasPassword: sql<boolean>`${users.passwordHash} is not null` }, org: organizations };

export type PrincipalUser = Omit<typeof users.$inferSelect, "passwordHash"> & { hasPassword: boolean };

const userId = sql.placeholder("userId");
const orgId = sql.placeholder("orgId");

/** Authentication runs on every request, so its queries are prepared once per pool and only bind parameters after. */
function prepare(db: Db) {
  return {
    // The user, their membership in the org and the org, in full: endpoints like /auth/me need nothing more.
    member: db
      .select({ ...accountColumns, role: memberships.role })
      .from(users)
      .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.orgId, orgId), isNull(memberships.deletedAt)))
      .innerJoin(organizations, eq(organizations.id, memberships.orgId))
      .where(and(eq(users.id, userId), isNull(users.deletedAt)))
      .limit(1)
      .prepare("principal_member"),
    // Super admins may act in any org (audited), even without a membership.
    superAdmin: db
      .select(accountColumns)
      .from(users)
      .innerJoin(organizations, eq(organizations.id, orgId))
      .where(and(eq(users.id, userId), isNull(users.deletedAt), eq(users.isSuperAdmin, true)))
      .limit(1)
      .prepare("principal_super_admin"),
    apiKey: db
      .select({
        apiKeyId: apiKeys.id,
        role: apiKeys.role,
        enabled: apiKeys.enabled,
        expiresAt: apiKeys.expiresAt,
        lastUsedAt: apiKeys.lastUsedAt,
        org: organizations,
      })
      .from(apiKeys)
      .innerJoin(organizations, eq(organizations.id, apiKeys.orgId))
      .where(eq(apiKeys.keyHash, sql.placeholder("keyHash")))
      .limit(1)
      .prepare("principal_api_key"),
    // The org switcher of /auth/me: ids, names and roles only.
    orgSummaries: db
      .select({ id: organizations.id, name: organizations.name, role: memberships.role })
      .from(memberships)
      .innerJoin(organizations, eq(organizations.id, memberships.orgId))
      .where(and(eq(memberships.userId, userId), isNull(memberships.deletedAt)))
      .orderBy(asc(memberships.id))
      .prepare("principal_org_summaries"),
  };
}

const prepared = new WeakMap<Db, ReturnType<typeof prepare>>();
function statements() {
  const db = getDb();
  let p = prepared.get(db);
  if (!p) prepared.set(db, (p = prepare(db)));
  return p;
}

export async function findMemberPrincipal(userId: number, orgId: number) {
  const [row] = await statements().member.execute({ userId, orgId });
  return row;
}

export async function findSuperAdminPrincipal(userId: number, orgId: number) {
  const [row] = await statements().superAdmin.execute({ userId, orgId });
  return row ? { ...row, role: "ADMIN" as const } : undefined;
}

export async function findApiKeyPrincipal(keyHash: string) {
  const [row] = await statements().apiKey.execute({ keyHash });
  return row;
}

export function listOrgSummaries(userId: number) {
  return statements().orgSummaries.execute({ userId });
}

export async function touchApiKey(id: number) {
  await getDb()
    .update(apiKeys)
    .set({ lastUsedAt: sql`now()` })
    .where(eq(apiKeys.id, id));
}
