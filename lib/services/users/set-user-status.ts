import { updateUser, type UserRow } from "@/db/queries/users";
import type { Ctx } from "@/lib/api/context";
import { errors } from "@/lib/api/errors";
import { emit } from "@/lib/events/emit";
import { userDto } from "@/lib/services/identity/dto";
import { getMember } from "./members";

type Presence = UserRow["presenceStatus"];

/** Everyone sets their own presence; setting someone else's is an admin's call. */
export async function setUserStatus(ctx: Ctx, userId: number, status: Presence) {
  if (ctx.user?.id !== userId && !ctx.permissions.has("users.manage")) throw errors.forbidden("You can only change your own status");
  const member = await getMember(ctx.orgId, userId);
  const user = await updateUser(userId, { presenceStatus: status, lastSeenAt: new Date() });
  emit("user.presence_changed", { orgId: ctx.orgId, userId, status });
  return userDto(user, member.role);
}
