import { and, eq } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { storedFiles, users } from "@/db/schema";

export type StoredFileRow = typeof storedFiles.$inferSelect;

export async function insertStoredFile(values: typeof storedFiles.$inferInsert, tx: Tx = getDb()) {
  const [row] = await tx.insert(storedFiles).values(values).returning();
  return row;
}

export async function findStoredFile(orgId: number, id: number, tx: Tx = getDb()) {
  const [row] = await tx
    .select()
    .from(storedFiles)
    .where(and(eq(storedFiles.orgId, orgId), eq(storedFiles.id, id)))
    .limit(1);
  return row;
}

export async function deleteStoredFileRow(orgId: number, id: number, tx: Tx = getDb()) {
  const [row] = await tx
    .delete(storedFiles)
    .where(and(eq(storedFiles.orgId, orgId), eq(storedFiles.id, id)))
    .returning();
  return row;
}

/**
 * The user's current avatar file, with the user row locked until the transaction ends, so two concurrent uploads
 * cannot both replace (and delete) the same previous file. An avatar belongs to its user, not to the org the user was
 * signed into when uploading it, so the user's own pointer is the lookup key here.
 */
export async function lockUserAvatarFile(userId: number, tx: Tx) {
  const [row] = await tx
    .select({ userId: users.id, file: storedFiles })
    .from(users)
    .leftJoin(storedFiles, eq(storedFiles.id, users.avatarFileId))
    .where(eq(users.id, userId))
    .for("update", { of: users })
    .limit(1);
  return row?.file ?? null;
}
