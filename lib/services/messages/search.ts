import { searchThreadMessages } from "@/db/queries/thread";
import type { Ctx } from "@/lib/api/context";
import type { MessageDto } from "@/lib/api/contracts/messages";
import { loadVisibleConversation, withVisibility } from "@/lib/services/conversations/access";
import { loadMessageDtos } from "./dto";
import { idCursor, pageOut } from "./list-messages";

export type MessageSearchResult = {
  data: { message: MessageDto; conversation: { id: string; displayId: number; contactName: string | null }; headline: string }[];
  nextCursor: string | null;
};

/** Full-text search (Spanish and English) over the messages of the conversations the caller may see, newest first. */
export async function searchMessages(ctx: Ctx, query: { q: string; conversationId?: number; cursor?: string; limit: number }): Promise<MessageSearchResult> {
  const beforeId = idCursor.decode(query.cursor);
  const viewer = await withVisibility(ctx);
  if (query.conversationId !== undefined) await loadVisibleConversation(viewer, query.conversationId);
  const hits = await searchThreadMessages({
    q: query.q,
    conversationId: query.conversationId,
    beforeId,
    limit: query.limit,
    visibility: viewer.visibility,
  });
  const { rows, nextCursor } = pageOut(hits, query.limit, (h) => h.message.id);
  const dtos = await loadMessageDtos(ctx.orgId, rows.map((h) => h.message));
  return {
    data: rows.map((h, i) => ({
      message: dtos[i],
      conversation: { id: String(h.message.conversationId), displayId: h.displayId, contactName: h.contactName },
      headline: h.headline,
    })),
    nextCursor,
  };
}
