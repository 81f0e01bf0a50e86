import { listConversationRows, type ConversationFilter, type ConversationSort, type SortCursor } from "@/db/queries/inbox-conversations";
import type { Ctx } from "@/lib/api/context";
import { errors } from "@/lib/api/errors";
import { loadVisibleConversation, visibilityOf } from "./access";
import { conversationDto, conversationDtos } from "./dto";

export type AssignedTo = "me" | "unassigned" | number;

export type ListQuery = Omit<ConversationFilter, "assignedTo"> & {
  assignedTo?: AssignedTo;
  sort: ConversationSort;
  cursor?: string;
  limit: number;
};

/** The cursor names its sort, so a cursor of another sort is refused instead of silently paging wrong. */
const encodeCursor = (sort: ConversationSort, c: SortCursor) => Buffer.from(JSON.stringify([sort, c.at, c.id])).toString("base64url");

function decodeCursor(sort: ConversationSort, cursor: string): SortCursor {
  try {
    const [s, at, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    if (s === sort && typeof at === "string" && !Number.isNaN(Date.parse(at)) && Number.isSafeInteger(id)) return { at, id: id as number };
  } catch {
    // fall through
  }
  throw errors.validation("Invalid cursor", [{ path: "query.cursor", message: "is not a cursor this API returned for this sort" }]);
}

/** "me" names the caller; an API key has no person behind it, so "me" matches nobody. */
export function resolveAssignee(ctx: Ctx, a: AssignedTo | undefined): ConversationFilter["assignedTo"] {
  if (a === "me") return ctx.user?.id ?? -1;
  return a;
}

export async function listConversations(ctx: Ctx, q: ListQuery) {
  const { sort, cursor, limit, assignedTo, ...filter } = q;
  const after = cursor ? decodeCursor(sort, cursor) : undefined;
  const v = await visibilityOf(ctx);
  const rows = await listConversationRows(v, { ...filter, assignedTo: resolveAssignee(ctx, assignedTo) }, sort, after, limit);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    data: await conversationDtos(ctx.orgId, page.map((r) => r.row)),
    nextCursor: rows.length > limit && last ? encodeCursor(sort, { at: last.at, id: last.row.id }) : null,
  };
}

export async function getConversation(ctx: Ctx, id: number) {
  return conversationDto(ctx.orgId, await loadVisibleConversation(ctx, id));
}
