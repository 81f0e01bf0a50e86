import { clearUnread } from "@/db/queries/inbox-conversations";
import type { Ctx } from "@/lib/api/context";
import { emit } from "@/lib/events/emit";
import { markLatestInboundRead } from "@/lib/services/messages/mark-read";
import { loadVisibleConversation } from "./access";
import { conversationDto } from "./dto";

/**
 * The agent read the thread: unread goes to 0 (a no-op when it already is: no version bump) and the customer gets blue
 * ticks up to their latest message (best effort: a refused read receipt never fails the request).
 */
export async function readConversation(ctx: Ctx, id: number) {
  const current = await loadVisibleConversation(ctx, id);
  const cleared = await clearUnread(ctx.orgId, current.id);
  if (cleared) emit("conversation.updated", { orgId: ctx.orgId, conversationId: cleared.id, version: cleared.version });
  await markLatestInboundRead(ctx.orgId, current.id);
  return conversationDto(ctx.orgId, cleared ?? current);
}
