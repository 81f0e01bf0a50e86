import { getDb } from "@/db/client";
import { revokeUserRefreshTokens } from "@/db/queries/sessions";
import { bumpTokenVersion, updateUser, type UserRow } from "@/db/queries/users";
import type { Ctx } from "@/lib/api/context";
import { hashPassword } from "@/lib/auth/password";
import { sendMail } from "@/lib/mail/send";
import { passwordChangedMail } from "@/lib/mail/templates";
import { audit } from "@/lib/services/audit";
import { preferredLocale } from "@/lib/services/profile/locale";
import { issueSession } from "./session";

/**
 * The steps every password change shares (set-password, change-password): new hash, every earlier token, cookie and
 * refresh token voided, a notice to the owner. The caller gets a fresh session so the device that made the change
 * stays signed in while all the others are signed out.
 */
export async function replacePassword(ctx: Ctx, user: Pick<UserRow, "id" | "email" | "locale">, newPassword: string) {
  const passwordHash = await hashPassword(newPassword);
  await getDb().transaction(async (tx) => {
    await updateUser(user.id, { passwordHash }, tx);
    await bumpTokenVersion(user.id, tx);
    await revokeUserRefreshTokens(user.id, tx);
    await audit(ctx, "auth.password_changed", { type: "user", id: user.id }, undefined, tx);
  });
  // Personal mail stays out of the org's dev mailbox (orgId null): org admins must not read it.
  await sendMail({ to: user.email, ...passwordChangedMail({ locale: await preferredLocale(user) }), orgId: null });
  return issueSession(user.id, ctx.orgId);
}
