import { countConversations, distinctCategories, type ConversationFilter } from "@/db/queries/inbox-conversations";
import type { Ctx } from "@/lib/api/context";
import { visibilityOf } from "./access";
import { resolveAssignee, type AssignedTo } from "./list";

export type CountsQuery = Pick<ConversationFilter, "status" | "teamId" | "category" | "origin"> & { assignedTo?: AssignedTo };

/**
 * The inbox badges, in one query: totals under the given filters, and the Mine / Unassigned / All views (which ignore
 * `assignedTo`, since they are assignment views themselves). Snoozed conversations do not count until they wake up.
 */
export async function conversationCounts(ctx: Ctx, q: CountsQuery) {
  const { assignedTo, ...filter } = q;
  const v = await visibilityOf(ctx);
  const n = await countConversations(v, { ...filter, assignedTo: resolveAssignee(ctx, assignedTo) }, ctx.user?.id ?? null);
  return {
    all: n.all,
    unread: n.unread,
    needsAction: n.needsAction,
    views: {
      mine: { total: n.mineTotal, unread: n.mineUnread },
      unassigned: { total: n.unassignedTotal, unread: n.unassignedUnread },
      all: { total: n.allTotal, unread: n.allUnread },
    },
  };
}

export async function conversationCategories(ctx: Ctx) {
  return { data: await distinctCategories(ctx.orgId) };
}
