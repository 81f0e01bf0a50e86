import { getDb } from "@/db/client";
import { deleteStoredFileRow, lockUserAvatarFile } from "@/db/queries/files";
import { updateUser } from "@/db/queries/users";
import type { Ctx } from "@/lib/api/context";
import { AVATAR_UPLOAD } from "@/lib/api/contracts/profile";
import { emit } from "@/lib/events/emit";
import { deleteStoredFile, removeObject, storeFile } from "@/lib/services/files/store";
import { takeUpload } from "@/lib/services/files/upload";
import { ownUserId, profileDto } from "./update-profile";

/** Points the user at a new avatar (or none) and deletes the one it replaces, row in the same transaction. */
async function swapAvatar(ctx: Ctx, userId: number, fileId: number | null) {
  const { user, previous } = await getDb().transaction(async (tx) => {
    const previous = await lockUserAvatarFile(userId, tx);
    const user = await updateUser(userId, { avatarFileId: fileId }, tx);
    if (previous) await deleteStoredFileRow(previous.orgId, previous.id, tx);
    return { user, previous };
  });
  if (previous) await removeObject(previous.storageKey);
  emit("user.updated", { orgId: ctx.orgId, userId });
  return profileDto(ctx, user);
}

/** Stored under the org the user is signed into, so members of that org can see it. */
export async function uploadAvatar(ctx: Ctx, form: FormData) {
  const userId = ownUserId(ctx);
  const upload = await takeUpload(form, AVATAR_UPLOAD);
  const file = await storeFile(ctx, { ...upload, purpose: "avatar" });
  try {
    return await swapAvatar(ctx, userId, file.id);
  } catch (e) {
    await deleteStoredFile(file.orgId, file.id);
    throw e;
  }
}

export async function removeAvatar(ctx: Ctx) {
  return swapAvatar(ctx, ownUserId(ctx), null);
}
