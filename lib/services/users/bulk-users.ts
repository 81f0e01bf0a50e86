import { getDb, type Tx } from "@/db/client";
import { listMembersByIds, listMembersMatching } from "@/db/queries/users";
import type { Ctx } from "@/lib/api/context";
import type { BulkUsersInput } from "@/lib/api/contracts/users";
import { AppError } from "@/lib/api/errors";
import { changeMemberRole, memberRemoved, memberTransaction, memberUpdated, removeMember, type Member } from "./members";
import { resendUserInvite } from "./resend-user-invite";
import { setUserStatus } from "./set-user-status";

type Failure = { id: string; code: string; message: string };

/** The members a selection names in this org; ids of other orgs (or unknown ones) simply do not match. */
async function resolveSelection(ctx: Ctx, selection: BulkUsersInput["selection"], tx: Tx = getDb()): Promise<Member[]> {
  if (selection.mode === "ids") return listMembersByIds(ctx.orgId, [...new Set(selection.ids)], tx);
  return listMembersMatching(ctx.orgId, { ...selection.filters, excludeIds: selection.excludeIds }, tx);
}

/** Per-user actions: each succeeds or fails on its own, with the same rules as the single endpoint. */
async function eachMember(members: Member[], fn: (m: Member) => Promise<unknown>) {
  const failed: Failure[] = [];
  for (const m of members) {
    try {
      await fn(m);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      failed.push({ id: String(m.user.id), code: e.code, message: e.message });
    }
  }
  return failed;
}

/**
 * delete and changeRole are all-or-nothing: one transaction running the single-user rules member after member, so a
 * batch that would leave no admin fails on its last admin and rolls back entirely.
 */
export async function bulkUsers(ctx: Ctx, input: BulkUsersInput) {
  const { action } = input;
  if (action === "delete" || action === "changeRole") {
    const changed = await memberTransaction(ctx.orgId, async (tx) => {
      const members = await resolveSelection(ctx, input.selection, tx);
      for (const m of members) {
        if (action === "delete") await removeMember(ctx, m, tx);
        else await changeMemberRole(ctx, m, input.role!, tx);
      }
      return members;
    });
    for (const m of changed) (action === "delete" ? memberRemoved : memberUpdated)(ctx, m.user.id);
    return { action, matched: changed.length, succeeded: changed.length, failed: [] };
  }
  const members = await resolveSelection(ctx, input.selection);
  const failed = await eachMember(members, (m) =>
    action === "resendInvite" ? resendUserInvite(ctx, m.user.id) : setUserStatus(ctx, m.user.id, input.status!),
  );
  return { action, matched: members.length, succeeded: members.length - failed.length, failed };
}
