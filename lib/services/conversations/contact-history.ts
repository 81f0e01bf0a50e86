import { contactConversations } from "@/db/queries/inbox-conversations";
import type { Ctx } from "@/lib/api/context";
import { loadVisibleConversation, visibilityOf } from "./access";
import { conversationDtos } from "./dto";

/** The contact's other conversations the caller may see, newest first. */
export async function contactHistory(ctx: Ctx, id: number) {
  const row = await loadVisibleConversation(ctx, id);
  const rows = await contactConversations(await visibilityOf(ctx), row.contactId, row.id);
  return { data: await conversationDtos(ctx.orgId, rows) };
}
