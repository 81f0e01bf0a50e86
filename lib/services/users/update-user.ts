import { updateUser as updateUserRow, type Role } from "@/db/queries/users";
import type { Ctx } from "@/lib/api/context";
import { audit } from "@/lib/services/audit";
import { userDto } from "@/lib/services/identity/dto";
import { changeMemberRole, getMember, memberTransaction, memberUpdated } from "./members";

export async function updateUser(ctx: Ctx, userId: number, input: { name?: string; role?: Role }) {
  const { user, role } = await memberTransaction(ctx.orgId, async (tx) => {
    const member = await getMember(ctx.orgId, userId, tx);
    if (input.role) await changeMemberRole(ctx, member, input.role, tx);
    let user = member.user;
    if (input.name !== undefined && input.name !== user.name) {
      user = await updateUserRow(userId, { name: input.name }, tx);
      await audit(ctx, "user.updated", { type: "user", id: userId }, { name: { from: member.user.name, to: input.name } }, tx);
    }
    return { user, role: input.role ?? member.role };
  });
  memberUpdated(ctx, userId);
  return userDto(user, role);
}
