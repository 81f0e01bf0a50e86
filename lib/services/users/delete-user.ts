import type { Ctx } from "@/lib/api/context";
import { getMember, memberRemoved, memberTransaction, removeMember } from "./members";

export async function deleteUser(ctx: Ctx, userId: number) {
  await memberTransaction(ctx.orgId, async (tx) => removeMember(ctx, await getMember(ctx.orgId, userId, tx), tx));
  memberRemoved(ctx, userId);
}
