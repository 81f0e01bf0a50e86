import { and, desc, eq, gt, isNull, lt, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { loginCodes } from "@/db/schema";

export type LoginCodeRow = typeof loginCodes.$inferSelect;

/** A new code voids the older ones: only the code of the latest mail works. */
export async function expireUnusedLoginCodes(userId: number, tx: Tx = getDb()) {
  await tx
    .update(loginCodes)
    .set({ expiresAt: sql`now()` })
    .where(and(eq(loginCodes.userId, userId), isNull(loginCodes.usedAt), gt(loginCodes.expiresAt, sql`now()`)));
}

export async function insertLoginCode(values: { userId: number; codeHash: string; expiresAt: Date }, tx: Tx = getDb()) {
  const [row] = await tx.insert(loginCodes).values(values).returning();
  return row;
}

/**
 * Counts one attempt against the user's live code and returns it, or nothing when no code is live. The increment and
 * the `attempts < max` check are one statement, so concurrent guesses cannot exceed the budget.
 */
export async function spendLoginCodeAttempt(userId: number, maxAttempts: number, tx: Tx = getDb()) {
  const live = tx
    .select({ id: loginCodes.id })
    .from(loginCodes)
    .where(and(eq(loginCodes.userId, userId), isNull(loginCodes.usedAt), gt(loginCodes.expiresAt, sql`now()`)))
    .orderBy(desc(loginCodes.id))
    .limit(1);
  const [row] = await tx
    .update(loginCodes)
    .set({ attempts: sql`${loginCodes.attempts} + 1` })
    .where(and(eq(loginCodes.id, sql`(${live})`), lt(loginCodes.attempts, maxAttempts)))
    .returning();
  return row;
}

/** Single use: only the request whose UPDATE flips used_at gets the row back. */
export async function consumeLoginCode(id: number, tx: Tx = getDb()) {
  const [row] = await tx
    .update(loginCodes)
    .set({ usedAt: sql`now()` })
    .where(and(eq(loginCodes.id, id), isNull(loginCodes.usedAt), gt(loginCodes.expiresAt, sql`now()`)))
    .returning();
  return row;
}
