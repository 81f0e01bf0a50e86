import { and, asc, count, eq, ilike, inArray, isNull, ne, notInArray, or, sql, type SQL } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { invitations, memberships, organizations, users } from "@/db/schema";

export type UserRow = typeof users.$inferSelect;
export type OrgRow = typeof organizations.$inferSelect;
export type Role = "ADMIN" | "AGENT";

export async function findUserByEmail(email: string, tx: Tx = getDb()) {
  const [row] = await tx
    .select()
    .from(users)
    .where(and(sql`lower(${users.email}) = ${email.toLowerCase()}`, isNull(users.deletedAt)))
    .limit(1);
  return row;
}

export async function findUserById(id: number, tx: Tx = getDb()) {
  const [row] = await tx
    .select()
    .from(users)
    .where(and(eq(users.id, id), isNull(users.deletedAt)))
    .limit(1);
  return row;
}

export async function insertUser(values: typeof users.$inferInsert, tx: Tx = getDb()) {
  const [row] = await tx.insert(users).values(values).returning();
  return row;
}

export async function updateUser(id: number, values: Partial<typeof users.$inferInsert>, tx: Tx = getDb()) {
  const [row] = await tx.update(users).set(values).where(eq(users.id, id)).returning();
  return row;
}

/** Bumping the version voids every access token and session cookie minted before. */
export async function bumpTokenVersion(id: number, tx: Tx = getDb()) {
  await tx
    .update(users)
    .set({ tokenVersion: sql`${users.tokenVersion} + 1` })
    .where(eq(users.id, id));
}

export async function insertOrganization(values: typeof organizations.$inferInsert, tx: Tx = getDb()) {
  const [row] = await tx.insert(organizations).values(values).returning();
  return row;
}

export async function findOrganization(id: number, tx: Tx = getDb()) {
  const [row] = await tx.select().from(organizations).where(eq(organizations.id, id)).limit(1);
  return row;
}

export async function updateOrganization(id: number, values: Partial<typeof organizations.$inferInsert>, tx: Tx = getDb()) {
  const [row] = await tx.update(organizations).set(values).where(eq(organizations.id, id)).returning();
  return row;
}

export async function slugExists(slug: string, tx: Tx = getDb()) {
  const [row] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, slug)).limit(1);
  return Boolean(row);
}

export async function insertMembership(values: typeof memberships.$inferInsert, tx: Tx = getDb()) {
  const [row] = await tx
    .insert(memberships)
    .values(values)
    .onConflictDoUpdate({ target: [memberships.orgId, memberships.userId], set: { role: values.role ?? "AGENT", deletedAt: null } })
    .returning();
  return row;
}

/** The orgs a user belongs to, oldest membership first (the default org at login). */
export async function listUserOrganizations(userId: number, tx: Tx = getDb()) {
  return tx
    .select({ org: organizations, role: memberships.role })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(and(eq(memberships.userId, userId), isNull(memberships.deletedAt)))
    .orderBy(asc(memberships.id));
}

export async function findMembership(orgId: number, userId: number, tx: Tx = getDb()) {
  const [row] = await tx
    .select({ user: users, role: memberships.role, membershipId: memberships.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId), isNull(memberships.deletedAt), isNull(users.deletedAt)))
    .limit(1);
  return row;
}

/** An ILIKE pattern matching `text` anywhere, with the user's own wildcards escaped. */
export const likeContains = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export type MemberFilter = { search?: string; role?: Role; status?: string };

function memberWhere(orgId: number, f: MemberFilter): SQL {
  const where: (SQL | undefined)[] = [eq(memberships.orgId, orgId), isNull(memberships.deletedAt), isNull(users.deletedAt)];
  if (f.role) where.push(eq(memberships.role, f.role));
  if (f.status) where.push(eq(users.presenceStatus, f.status as UserRow["presenceStatus"]));
  if (f.search) {
    const term = likeContains(f.search);
    where.push(or(ilike(users.name, term), ilike(users.email, term)));
  }
  return and(...where)!;
}

export async function listMembers(orgId: number, f: MemberFilter & { limit: number; offset: number }) {
  const where = memberWhere(orgId, f);
  const [rows, [{ total }]] = await Promise.all([
    getDb()
      .select({ user: users, role: memberships.role, joinedAt: memberships.createdAt })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(where)
      .orderBy(asc(users.name), asc(users.id))
      .limit(f.limit)
      .offset(f.offset),
    getDb().select({ total: count() }).from(memberships).innerJoin(users, eq(users.id, memberships.userId)).where(where),
  ]);
  return { rows, total };
}

export async function listMembersByIds(orgId: number, userIds: number[], tx: Tx = getDb()) {
  if (userIds.length === 0) return [];
  return tx
    .select({ user: users, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), inArray(memberships.userId, userIds), isNull(memberships.deletedAt), isNull(users.deletedAt)));
}

/** Active admins other than the given users: the LAST_ADMIN rule needs at least one to remain. */
export async function countOtherAdmins(orgId: number, exceptUserIds: number[], tx: Tx = getDb()) {
  const [{ n }] = await tx
    .select({ n: count() })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.orgId, orgId),
        eq(memberships.role, "ADMIN"),
        isNull(memberships.deletedAt),
        isNull(users.deletedAt),
        exceptUserIds.length ? sql`${memberships.userId} not in ${exceptUserIds}` : undefined,
      ),
    );
  return n;
}

export async function updateMembershipRole(orgId: number, userId: number, role: Role, tx: Tx = getDb()) {
  await tx
    .update(memberships)
    .set({ role })
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
}

export async function softDeleteMembership(orgId: number, userId: number, tx: Tx = getDb()) {
  await tx
    .update(memberships)
    .set({ deletedAt: sql`now()` })
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId), isNull(memberships.deletedAt)));
  // Pending invitations tied to this user die with the membership.
  await tx
    .update(invitations)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(invitations.orgId, orgId), eq(invitations.userId, userId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)));
}

export async function countActiveMemberships(userId: number, tx: Tx = getDb()) {
  const [{ n }] = await tx
    .select({ n: count() })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), isNull(memberships.deletedAt)));
  return n;
}

export async function otherUserWithEmail(email: string, userId: number, tx: Tx = getDb()) {
  const [row] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(sql`lower(${users.email}) = ${email.toLowerCase()}`, isNull(users.deletedAt), ne(users.id, userId)))
    .limit(1);
  return row;
}

/** Every active member matching the filter (no paging): the "select all" of bulk actions. */
export async function listMembersMatching(orgId: number, f: MemberFilter & { excludeIds?: number[] }, tx: Tx = getDb()) {
  return tx
    .select({ user: users, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(memberWhere(orgId, f), f.excludeIds?.length ? notInArray(memberships.userId, f.excludeIds) : undefined))
    .orderBy(asc(users.id));
}

/**
 * Locks the org's admin memberships until the transaction ends, so two concurrent demotions or deletions cannot
 * each see the other admin and leave the org without any.
 */
export async function lockOrgAdmins(orgId: number, tx: Tx) {
  await tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.role, "ADMIN"), isNull(memberships.deletedAt)))
    .for("update");
}

/** Records a sign-in; someone who signs in while shown as offline is online now. Returns whether presence changed. */
export async function recordLogin(id: number) {
  const [row] = await getDb().execute<{ was_offline: boolean }>(sql`
    update users set last_login_at = now(),
      presence_status = case when presence_status = 'OFFLINE' then 'ONLINE'::presence_status else presence_status end
    from (select presence_status = 'OFFLINE' as was_offline from users where id = ${id}) before
    where users.id = ${id}
    returning before.was_offline`);
  return Boolean(row?.was_offline);
}
