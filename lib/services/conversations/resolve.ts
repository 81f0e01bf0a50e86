import type { Ctx } from "@/lib/api/context";
import { assertNotClosed } from "./access";
import { changeConversation, withDto, type ConversationChange } from "./change";

/** What closing a conversation sets, whichever path closes it (resolve, PATCH status, bulk). */
export const closing = (): ConversationChange => ({ status: "CLOSED", closedAt: new Date(), snoozedUntil: null, unreadCount: 0 });

/** Resolved: CLOSED; the customer's next message opens a new conversation. */
export async function resolveRow(ctx: Ctx, id: number) {
  return changeConversation(ctx, id, async (row) => {
    assertNotClosed(row);
    return closing();
  });
}

export const resolveConversation = withDto(resolveRow);
