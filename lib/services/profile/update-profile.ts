import { findUserById, updateUser, type UserRow } from "@/db/queries/users";
import type { Ctx } from "@/lib/api/context";
import { errors } from "@/lib/api/errors";
import { emit } from "@/lib/events/emit";
import { userDto } from "@/lib/services/identity/dto";

/** The signed-in person; profile contracts have access "user", so an API key never gets here. */
export function ownUserId(ctx: Ctx) {
  if (!ctx.user) throw errors.forbidden("This operation needs a signed-in user, not an API key");
  return ctx.user.id;
}

export const profileDto = (ctx: Ctx, row: UserRow | undefined) => {
  if (!row) throw errors.notFound("User");
  return userDto(row, ctx.role);
};

export async function getProfile(ctx: Ctx) {
  return profileDto(ctx, await findUserById(ownUserId(ctx)));
}

export async function updateProfile(ctx: Ctx, input: { name?: string; locale?: "es" | "en" }) {
  const userId = ownUserId(ctx);
  const row = await updateUser(userId, { name: input.name, locale: input.locale });
  // Teammates see the name; the language is private.
  if (input.name !== undefined) emit("user.updated", { orgId: ctx.orgId, userId });
  return profileDto(ctx, row);
}

export async function setWritingAssist(ctx: Ctx, input: { enabled: boolean }) {
  return profileDto(ctx, await updateUser(ownUserId(ctx), { writingAssist: input.enabled }));
}
