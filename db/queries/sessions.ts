import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { refreshTokens } from "@/db/schema";

export async function insertRefreshToken(row: typeof refreshTokens.$inferInsert, tx: Tx = getDb()) {
  await tx.insert(refreshTokens).values(row);
}

/**
 * Marks the token used in the same statement that reads it, so two concurrent refreshes cannot both succeed:
 * the loser sees usedAt already set and is treated as a reuse.
 */
export async function consumeRefreshToken(tokenHash: string) {
  const [claimed] = await getDb()
    .update(refreshTokens)
    .set({ usedAt: sql`now()` })
    .where(and(eq(refreshTokens.tokenHash, tokenHash), isNull(refreshTokens.usedAt), isNull(refreshTokens.revokedAt)))
    .returning();
  if (claimed) return { token: claimed, reused: false as const };
  const [existing] = await getDb().select().from(refreshTokens).where(eq(refreshTokens.tokenHash, tokenHash)).limit(1);
  return existing ? { token: existing, reused: true as const } : null;
}

export async function revokeFamily(familyId: string) {
  await getDb()
    .update(refreshTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)));
}

export async function revokeUserRefreshTokens(userId: number, tx: Tx = getDb()) {
  await tx
    .update(refreshTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(refreshTokens.userId, userId), isNull(refreshTokens.revokedAt)));
}
