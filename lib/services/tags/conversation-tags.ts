import { attachTag, detachTag } from "@/db/queries/inbox-conversations";
import { conversationTagRefs, findTag } from "@/db/queries/tags";
import type { Ctx } from "@/lib/api/context";
import { errors } from "@/lib/api/errors";
import { changeConversation } from "@/lib/services/conversations/change";
import { tagRefDto } from "./dto";

/**
 * Adds or removes one tag through the one path of conversation changes: a conversation the caller may not see is a
 * 404, and only a real change bumps the version and tells the other agents, so repeating a request is harmless.
 */
export const changeConversationTag = (ctx: Ctx, conversationId: number, tagId: number, add: boolean) =>
  changeConversation(ctx, conversationId, async (row, tx) => {
    if (!(await findTag(ctx.orgId, tagId, tx))) throw errors.notFound("Tag");
    const changed = add ? await attachTag(tx, ctx.orgId, row.id, tagId, ctx.user?.id ?? null) : await detachTag(tx, ctx.orgId, row.id, tagId);
    return changed ? {} : null;
  });

export async function addConversationTag(ctx: Ctx, conversationId: number, tagId: number) {
  await changeConversationTag(ctx, conversationId, tagId, true);
  return { data: (await conversationTagRefs(ctx.orgId, conversationId)).map(tagRefDto) };
}

export async function removeConversationTag(ctx: Ctx, conversationId: number, tagId: number) {
  await changeConversationTag(ctx, conversationId, tagId, false);
}
