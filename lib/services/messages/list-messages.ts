import { listThreadPage } from "@/db/queries/thread";
import type { Ctx } from "@/lib/api/context";
import type { MessageDto } from "@/lib/api/contracts/messages";
import { errors } from "@/lib/api/errors";
import { loadVisibleConversation } from "@/lib/services/conversations/access";
import { loadMessageDtos } from "./dto";

/**
 * Opaque keyset cursors that name the last row of a page by id: the next page is "older than that row", compared on
 * its stored (createdAt, id), so no timestamp precision is lost on the way through the client.
 */
export const idCursor = {
  encode: (id: number) => Buffer.from(`i:${id}`).toString("base64url"),
  decode(cursor: string | undefined): number | undefined {
    if (cursor === undefined) return undefined;
    const m = /^i:(\d{1,15})$/.exec(Buffer.from(cursor, "base64url").toString());
    if (!m) throw errors.validation("Invalid query", [{ path: "cursor", message: "is not a cursor this API returned" }]);
    return Number(m[1]);
  },
};

/** Splits the `limit + 1` rows a query returned into the page and the cursor to the next one. */
export function pageOut<T>(rows: T[], limit: number, idOf: (row: T) => number): { rows: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  return { rows: page, nextCursor: rows.length > limit ? idCursor.encode(idOf(page[page.length - 1])) : null };
}

/** A page of the thread: the newest `limit` messages before the cursor, returned oldest → newest. */
export async function listConversationMessages(
  ctx: Ctx,
  conversationId: number,
  query: { cursor?: string; limit: number },
): Promise<{ data: MessageDto[]; nextCursor: string | null }> {
  const beforeId = idCursor.decode(query.cursor);
  await loadVisibleConversation(ctx, conversationId);
  const { rows, nextCursor } = pageOut(await listThreadPage(ctx.orgId, conversationId, { beforeId, limit: query.limit }), query.limit, (m) => m.id);
  return { data: await loadMessageDtos(ctx.orgId, rows.reverse()), nextCursor };
}
