import { findUserById } from "@/db/queries/users";
import type { Ctx } from "@/lib/api/context";
import { AppError, errors } from "@/lib/api/errors";
import { verifyPassword } from "@/lib/auth/password";
import { replacePassword } from "@/lib/services/auth/password-change";
import { assertRateLimit, LIMITS } from "@/lib/services/rate-limit";
import { ownUserId } from "./update-profile";

/** A stolen access token must not be enough to take the account over: the current password is required. */
export async function changePassword(ctx: Ctx, input: { currentPassword: string; newPassword: string }) {
  const userId = ownUserId(ctx);
  // Each try verifies a password, so guessing the current one through here is limited like login.
  await assertRateLimit([[`change-password:user:${userId}`, LIMITS.loginAccount]]);
  const user = await findUserById(userId);
  if (!user) throw errors.unauthenticated();
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError("INVALID_CURRENT_PASSWORD", 422, "The current password is incorrect", [{ path: "currentPassword", message: "is incorrect" }]);
  }
  return replacePassword(ctx, user, input.newPassword);
}
