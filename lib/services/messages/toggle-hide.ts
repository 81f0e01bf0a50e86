import { findMessage } from "@/db/queries/messages";
import { toggleMessageHidden } from "@/db/queries/thread";
import type { Ctx } from "@/lib/api/context";
import type { MessageDto } from "@/lib/api/contracts/messages";
import { AppError, errors } from "@/lib/api/errors";
import { emit } from "@/lib/events/emit";
import { loadVisibleConversation } from "@/lib/services/conversations/access";
import { loadMessageDto } from "./dto";

/** Hides a message in the thread (shown collapsed) or shows it again. A message of a conversation the caller cannot see is a 404. */
export async function toggleHide(ctx: Ctx, messageId: number): Promise<MessageDto> {
  const found = await findMessage(ctx.orgId, messageId);
  if (!found) throw errors.notFound("Message");
  await loadVisibleConversation(ctx, found.conversationId).catch((e: unknown) => {
    throw e instanceof AppError && e.status === 404 ? errors.notFound("Message") : e;
  });
  const row = await toggleMessageHidden(ctx.orgId, messageId);
  if (!row) throw errors.notFound("Message");
  emit("message.updated", { orgId: ctx.orgId, conversationId: row.conversationId, messageId: row.id, status: row.status });
  return loadMessageDto(ctx.orgId, row);
}
