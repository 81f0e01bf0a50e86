import { markUserNotificationsRead } from "@/db/queries/notifications";
import type { Ctx } from "@/lib/api/context";
import { errors } from "@/lib/api/errors";
import { emit } from "@/lib/events/emit";

/** Marks the caller's notifications read: the given ones (others' ids are ignored) or, without ids, all of them. */
export async function markNotificationsRead(ctx: Ctx, input: { ids?: number[] }): Promise<void> {
  if (!ctx.user) throw errors.forbidden("Notifications belong to a signed-in user");
  await markUserNotificationsRead(ctx.orgId, ctx.user.id, input.ids);
  emit("notification.read", { orgId: ctx.orgId, userId: ctx.user.id });
}
