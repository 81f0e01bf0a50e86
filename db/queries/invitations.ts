import { and, count, desc, eq, gt, ilike, isNotNull, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { invitations, organizations, users } from "@/db/schema";
import { likeContains } from "./users";

export type InvitationRow = typeof invitations.$inferSelect;
export type InvitationStatus = "PENDING" | "ACCEPTED" | "EXPIRED" | "REVOKED";
export type InvitationWithInviter = { invitation: InvitationRow; inviter: { id: number; name: string } | null };

/** Mirrors `invitationStatus` in the service, so filters and the serialized status always agree. */
function statusWhere(status: InvitationStatus): SQL {
  const open = and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt));
  switch (status) {
    case "ACCEPTED":
      return isNotNull(invitations.acceptedAt);
    case "REVOKED":
      return and(isNull(invitations.acceptedAt), isNotNull(invitations.revokedAt))!;
    case "EXPIRED":
      return and(open, lte(invitations.expiresAt, sql`now()`))!;
    case "PENDING":
      return and(open, gt(invitations.expiresAt, sql`now()`))!;
  }
}

const sameEmail = (email: string) => sql`lower(${invitations.email}) = ${email.toLowerCase()}`;

function selectWithInviter(tx: Tx) {
  return tx
    .select({ invitation: invitations, inviter: { id: users.id, name: users.name } })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedById));
}

export async function insertInvitation(values: typeof invitations.$inferInsert, tx: Tx = getDb()) {
  const [row] = await tx.insert(invitations).values(values).returning();
  return row;
}

export async function findInvitation(orgId: number, id: number, tx: Tx = getDb()): Promise<InvitationWithInviter | undefined> {
  const [row] = await selectWithInviter(tx)
    .where(and(eq(invitations.orgId, orgId), eq(invitations.id, id)))
    .limit(1);
  return row;
}

export type InvitationFilter = { status?: InvitationStatus; search?: string };

export async function listInvitations(orgId: number, f: InvitationFilter & { limit: number; offset: number }) {
  const where = and(
    eq(invitations.orgId, orgId),
    f.status ? statusWhere(f.status) : undefined,
    f.search ? or(ilike(invitations.email, likeContains(f.search)), ilike(invitations.name, likeContains(f.search))) : undefined,
  );
  const [rows, [{ total }]] = await Promise.all([
    selectWithInviter(getDb()).where(where).orderBy(desc(invitations.createdAt), desc(invitations.id)).limit(f.limit).offset(f.offset),
    getDb().select({ total: count() }).from(invitations).where(where),
  ]);
  return { rows, total };
}

/** A still-usable invitation for this email in the org (not accepted, not revoked, not expired). */
export async function findPendingInvitationByEmail(orgId: number, email: string, tx: Tx = getDb()) {
  const [row] = await tx
    .select()
    .from(invitations)
    .where(and(eq(invitations.orgId, orgId), sameEmail(email), statusWhere("PENDING")))
    .limit(1);
  return row;
}

/** The newest invitation of a user that can still be resent (expired ones included). */
export async function findOpenInvitationForUser(orgId: number, userId: number, tx: Tx = getDb()): Promise<InvitationWithInviter | undefined> {
  const [row] = await selectWithInviter(tx)
    .where(and(eq(invitations.orgId, orgId), eq(invitations.userId, userId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .orderBy(desc(invitations.createdAt), desc(invitations.id))
    .limit(1);
  return row;
}

/** The invitation behind a public link, with what the accept page shows about the org and the inviter. */
export async function findInvitationByTokenHash(tokenHash: string, tx: Tx = getDb()) {
  const [row] = await tx
    .select({
      invitation: invitations,
      inviter: { id: users.id, name: users.name },
      org: { id: organizations.id, name: organizations.name, logoFileId: organizations.logoFileId },
    })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.orgId))
    .leftJoin(users, eq(users.id, invitations.invitedById))
    .where(eq(invitations.tokenHash, tokenHash))
    .limit(1);
  return row;
}

/** New token and expiry for an open invitation; nothing happens (undefined) if it was accepted or revoked meanwhile. */
export async function rotateInvitationToken(orgId: number, id: number, tokenHash: string, expiresAt: Date, tx: Tx = getDb()) {
  const [row] = await tx
    .update(invitations)
    .set({ tokenHash, expiresAt, sentCount: sql`${invitations.sentCount} + 1` })
    .where(and(eq(invitations.orgId, orgId), eq(invitations.id, id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .returning();
  return row;
}

export async function revokeInvitationRow(orgId: number, id: number, tx: Tx = getDb()) {
  const [row] = await tx
    .update(invitations)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(invitations.orgId, orgId), eq(invitations.id, id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .returning();
  return row;
}

/** Claims the invitation in the statement that checks it, so one token cannot be accepted twice concurrently. */
export async function markInvitationAccepted(id: number, userId: number, tx: Tx = getDb()) {
  const [row] = await tx
    .update(invitations)
    .set({ acceptedAt: sql`now()`, userId })
    .where(and(eq(invitations.id, id), statusWhere("PENDING")))
    .returning();
  return row;
}

/**
 * Serializes invitation-creating transactions for one address in one org until commit, so two concurrent requests
 * cannot both pass the "already member / already invited" checks.
 */
export async function lockInvitee(orgId: number, email: string, tx: Tx) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`invite:${orgId}:${email.toLowerCase()}`}, 0))`);
}
