import type { ConversationRow } from "@/db/queries/conversations";
import { findActiveTeam } from "@/db/queries/inbox-conversations";
import type { Ctx } from "@/lib/api/context";
import { errors, isUniqueViolation } from "@/lib/api/errors";
import { assertAssigneeInTeam, assertMayReassign, assertNotClosed } from "./access";
import { changeConversation, withDto, type ConversationChange } from "./change";
import { closing } from "./resolve";

export type ConversationPatch = {
  status?: ConversationRow["status"];
  priority?: ConversationRow["priority"];
  category?: string | null;
  snoozedUntil?: Date | null;
  teamId?: number | null;
};

/** The status part of a patch: what else must change with it, and who may make it. */
function statusChange(ctx: Ctx, row: ConversationRow, to: ConversationRow["status"]): ConversationChange {
  if (to === row.status) return {};
  if (to === "CLOSED") return closing();
  const reopen = row.status === "CLOSED" ? { closedAt: null } : {};
  if (to === "HUMAN_HANDLING") {
    if (row.assignedToId === null) throw errors.rule("NOT_ASSIGNED", "Assign the conversation to someone before marking it as handled by a person");
    return { ...reopen, status: to };
  }
  // OPEN (nobody has it yet) and BOT_HANDLING release whoever held it.
  if ((to === "OPEN" || to === "BOT_HANDLING") && row.assignedToId !== null) {
    assertMayReassign(ctx, row);
    return { ...reopen, status: to, assignedToId: null, assignedAt: null };
  }
  return { ...reopen, status: to };
}

export async function updateConversationRow(ctx: Ctx, id: number, patch: ConversationPatch) {
  if (patch.snoozedUntil && patch.snoozedUntil.getTime() <= Date.now()) {
    throw errors.validation("Invalid body", [{ path: "snoozedUntil", message: "must be in the future (null wakes the conversation up)" }]);
  }
  try {
    return await changeConversation(ctx, id, async (row, tx) => {
      if (patch.teamId && !(await findActiveTeam(ctx.orgId, patch.teamId, tx))) throw errors.notFound("Team");
      const values: ConversationChange = patch.status ? statusChange(ctx, row, patch.status) : {};
      if (patch.priority && patch.priority !== row.priority) values.priority = patch.priority;
      if (patch.category !== undefined && patch.category !== row.category) values.category = patch.category;
      if (patch.snoozedUntil !== undefined && values.status !== "CLOSED") {
        if (patch.snoozedUntil) assertNotClosed({ status: values.status ?? row.status });
        values.snoozedUntil = patch.snoozedUntil;
      }
      if (patch.teamId !== undefined && patch.teamId !== row.teamId) {
        values.teamId = patch.teamId;
        await assertAssigneeInTeam(ctx.orgId, values.assignedToId === undefined ? row.assignedToId : values.assignedToId, patch.teamId, tx);
      }
      return Object.keys(values).length ? values : null;
    });
  } catch (e) {
    // Reopening while the contact already has another active conversation (one active conversation per contact).
    if (isUniqueViolation(e)) throw errors.rule("ACTIVE_CONVERSATION_EXISTS", "The contact already has an open conversation; reopen is not possible");
    throw e;
  }
}

export const updateConversation = withDto(updateConversationRow);
