import { findUserById } from "@/db/queries/users";
import type { Ctx } from "@/lib/api/context";
import { errors } from "@/lib/api/errors";
import { replacePassword } from "./password-change";

/** Sets the password of the signed-in user (e.g. one who came in through an email code and has none yet). */
export async function setPassword(ctx: Ctx, input: { password: string }) {
  const user = ctx.user ? await findUserById(ctx.user.id) : undefined;
  if (!user) throw errors.unauthenticated();
  return replacePassword(ctx, user, input.password);
}
