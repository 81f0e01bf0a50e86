import { getDb, type Tx } from "@/db/client";
import type { ConversationRow } from "@/db/queries/conversations";
import { activeMembersOfTeam, activeTeamIdsOf, findInboxConversation, type Visibility } from "@/db/queries/inbox-conversations";
import { findMembership } from "@/db/queries/users";
import type { Ctx } from "@/lib/api/context";
import { errors } from "@/lib/api/errors";
import { can, type Role } from "@/lib/api/permissions";

/** Who is asking; `visibility` when the request already worked it out (see withVisibility). */
export type Viewer = Pick<Ctx, "orgId" | "permissions" | "user"> & { visibility?: Visibility };

/**
 * THE visibility rule of the inbox. Admins (conversations.manage) see every conversation of the org; anyone else
 * sees those without a team and those of the active teams they belong to. A conversation the caller may not see is
 * answered exactly like a missing one (404).
 */
export async function visibilityOf(ctx: Viewer, tx: Tx = getDb()): Promise<Visibility> {
  if (ctx.visibility) return ctx.visibility;
  if (ctx.permissions.has("conversations.manage")) return { orgId: ctx.orgId, teamIds: null };
  return { orgId: ctx.orgId, teamIds: ctx.user ? await activeTeamIdsOf(ctx.orgId, ctx.user.id, tx) : [] };
}

/** The caller with their visibility worked out once, for a request that looks at several conversations (bulk, history). */
export async function withVisibility<C extends Viewer>(ctx: C): Promise<C & { visibility: Visibility }> {
  return { ...ctx, visibility: await visibilityOf(ctx) };
}

export const isVisible = (v: Visibility, row: Pick<ConversationRow, "orgId" | "teamId">) =>
  row.orgId === v.orgId && (v.teamIds === null || row.teamId === null || v.teamIds.includes(row.teamId));

/** Which of these members of the org (given their role) may see the conversation: for notifications about it. */
export async function membersWhoMaySee(orgId: number, members: { userId: number; role: Role }[], row: Pick<ConversationRow, "orgId" | "teamId">, tx: Tx = getDb()) {
  if (row.orgId !== orgId) return [];
  if (row.teamId === null) return members.map((m) => m.userId);
  const seesAll = (m: { role: Role }) => can(m.role, "conversations.manage");
  const inTeam = new Set(await activeMembersOfTeam(orgId, row.teamId, members.filter((m) => !seesAll(m)).map((m) => m.userId), tx));
  return members.filter((m) => seesAll(m) || inTeam.has(m.userId)).map((m) => m.userId);
}

/** The conversation if the caller may see it, else 404. With `lock`, the row stays locked until `tx` ends. */
export async function loadVisibleConversation(ctx: Viewer, id: number, tx: Tx = getDb(), lock = false) {
  const [row, v] = await Promise.all([findInboxConversation(ctx.orgId, id, tx, lock), visibilityOf(ctx, tx)]);
  if (!row || !isVisible(v, row)) throw errors.notFound("Conversation");
  return row;
}

/**
 * Agents act on conversations nobody holds or that they hold themselves (take, transfer, release); taking one away
 * from someone else is an admin's call.
 */
export function assertMayReassign(ctx: Pick<Ctx, "permissions" | "user">, row: Pick<ConversationRow, "assignedToId">) {
  if (row.assignedToId === null || row.assignedToId === ctx.user?.id || ctx.permissions.has("conversations.manage")) return;
  throw errors.forbidden("This conversation is assigned to someone else; only an admin can reassign it");
}

export function assertNotClosed(row: Pick<ConversationRow, "status">) {
  if (row.status === "CLOSED") throw errors.rule("ALREADY_CLOSED", "The conversation is resolved; the customer's next message opens a new one");
}

/**
 * An agent assigned to a conversation must keep seeing it: a team they are not in would hide it from them. Pass the
 * assignee's role when it was already looked up.
 */
export async function assertAssigneeInTeam(orgId: number, assigneeId: number | null, teamId: number | null, tx: Tx, role?: Role) {
  if (assigneeId === null || teamId === null) return;
  const assigneeRole = role ?? (await findMembership(orgId, assigneeId, tx))?.role;
  if (!assigneeRole || assigneeRole === "ADMIN") return;
  if (!(await activeTeamIdsOf(orgId, assigneeId, tx)).includes(teamId)) {
    throw errors.rule("ASSIGNEE_NOT_IN_TEAM", "The assignee is not a member of that team and could not see the conversation");
  }
}
