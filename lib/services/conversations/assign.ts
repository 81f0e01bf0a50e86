import { findActiveTeam } from "@/db/queries/inbox-conversations";
import { findMembership } from "@/db/queries/users";
import type { Ctx } from "@/lib/api/context";
import { errors } from "@/lib/api/errors";
import { audit } from "@/lib/services/audit";
import { notify } from "@/lib/services/notifications/notify";
import { assertAssigneeInTeam, assertMayReassign, assertNotClosed } from "./access";
import { changeConversation, systemNote, withDto, type ConversationChange } from "./change";
import { extractiveHandoffSummary } from "./handoff-summary";

const now = () => new Date();

type Member = Pick<NonNullable<Awaited<ReturnType<typeof findMembership>>>, "role">;

/**
 * Gives the conversation to a person of the org (404 for anyone else, deleted or removed included), optionally moving
 * it to a team. An agent may hand on what nobody holds or what they hold; the assignee must be able to see it.
 * `assignee`: their membership, when the caller already looked it up (bulk: once for every conversation).
 */
export async function assignRow(ctx: Ctx, id: number, input: { userId: number; teamId?: number | null }, assignee?: Member) {
  return changeConversation(ctx, id, async (row, tx, fx) => {
    const member = assignee ?? (await findMembership(ctx.orgId, input.userId, tx));
    if (!member) throw errors.notFound("User");
    if (input.teamId && !(await findActiveTeam(ctx.orgId, input.teamId, tx))) throw errors.notFound("Team");
    assertNotClosed(row);
    const teamId = input.teamId === undefined ? row.teamId : input.teamId;
    if (row.assignedToId === input.userId && teamId === row.teamId) return null;
    assertMayReassign(ctx, row);
    await assertAssigneeInTeam(ctx.orgId, input.userId, teamId, tx, member.role);
    const values: ConversationChange = { teamId };
    if (row.assignedToId !== input.userId) {
      Object.assign(values, { assignedToId: input.userId, assignedAt: now() });
      fx.notifications.push(
        ...(await notify(ctx.orgId, [{ userId: input.userId, type: "ASSIGNED", conversationId: row.id, actorId: ctx.user?.id ?? null }], tx)),
      );
      await audit(ctx, "conversation.assigned", { type: "conversation", id: row.id }, { from: row.assignedToId, to: input.userId }, tx);
    }
    // A person now has it: the bot stops and "nobody has it yet" no longer holds.
    if (row.status === "BOT_HANDLING" || row.status === "OPEN") values.status = "HUMAN_HANDLING";
    return values;
  });
}

/** Releases the conversation for anyone to pick up; back to OPEN if a person was handling it. */
export async function unassignRow(ctx: Ctx, id: number) {
  return changeConversation(ctx, id, async (row, tx) => {
    assertNotClosed(row);
    if (row.assignedToId === null) return null;
    assertMayReassign(ctx, row);
    await audit(ctx, "conversation.unassigned", { type: "conversation", id: row.id }, { from: row.assignedToId }, tx);
    return { assignedToId: null, assignedAt: null, ...(row.status === "HUMAN_HANDLING" ? { status: "OPEN" as const } : {}) };
  });
}

/** The caller takes the conversation from the bot (or from the queue): HUMAN_HANDLING, theirs, a note in the thread. */
export async function takeoverRow(ctx: Ctx, id: number) {
  const me = ctx.user;
  if (!me) throw errors.forbidden("Taking over needs a signed-in person");
  return changeConversation(ctx, id, async (row, tx, fx) => {
    assertNotClosed(row);
    if (row.status === "HUMAN_HANDLING" && row.assignedToId === me.id) return null;
    assertMayReassign(ctx, row);
    await systemNote(ctx, tx, row, "takeover", fx);
    const values: ConversationChange = { status: "HUMAN_HANDLING" };
    if (row.assignedToId !== me.id) {
      Object.assign(values, { assignedToId: me.id, assignedAt: now() });
      await audit(ctx, "conversation.assigned", { type: "conversation", id: row.id }, { from: row.assignedToId, to: me.id, via: "takeover" }, tx);
    }
    return values;
  });
}

/** Hands the conversation back to the bot with a summary for whoever picks it up next (given, or built from the thread). */
export async function returnToBotRow(ctx: Ctx, id: number, input: { handoffSummary?: string | null }) {
  return changeConversation(ctx, id, async (row, tx, fx) => {
    assertNotClosed(row);
    assertMayReassign(ctx, row);
    const summary = input.handoffSummary !== undefined ? input.handoffSummary : (await extractiveHandoffSummary(ctx.orgId, row.id)) || row.handoffSummary;
    await systemNote(ctx, tx, row, "returnToBot", fx);
    if (row.assignedToId !== null) {
      await audit(ctx, "conversation.unassigned", { type: "conversation", id: row.id }, { from: row.assignedToId, via: "return_to_bot" }, tx);
    }
    return { status: "BOT_HANDLING", assignedToId: null, assignedAt: null, handoffSummary: summary };
  });
}

export const assignConversation = withDto(assignRow);
export const unassignConversation = withDto(unassignRow);
export const takeoverConversation = withDto(takeoverRow);
export const returnToBot = withDto(returnToBotRow);
