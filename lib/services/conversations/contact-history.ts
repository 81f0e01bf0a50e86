import { contactConversations } from "@/db/queries/inbox-conversations";
import type { Ctx } from "@/lib/api/context";
import { loadVisibleConversation, withVisibility } from "./access";
import { conversationDtos } from "./dto";

/** The contact's other conversations the caller may see, newest first. */
export async function contactHistory(ctx: Ctx, id: number) {
  const viewer = await withVisibility(ctx);
  const row = await loadVisibleConversation(viewer, id);
  const rows = await contactConversations(viewer.visibility, row.contactId, row.id);
  return { data: await conversationDtos(ctx.orgId, rows) };
}
