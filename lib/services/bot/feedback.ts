import { findMessageOf, listFeedback, upsertFeedback, type FeedbackListRow } from "@/db/queries/bot-library";
import type { Ctx } from "@/lib/api/context";
import { errors } from "@/lib/api/errors";
import { emit } from "@/lib/events/emit";
import { loadVisibleConversation, visibilityOf } from "@/lib/services/conversations/access";

/**
 * Agents rate what the bot said: only outbound messages the bot sent, in a conversation the agent may see, one rating
 * per person and message (a second one replaces the first).
 *
 * Ratings: -1 (bad), 0 (neutral), 1 (good). A 1..5 star rating is accepted too with `scale: "stars"` (1–2 → -1,
 * 3 → 0, 4–5 → 1); without a scale, 2..5 can only be stars and are mapped the same way, and -1, 0 and 1 are thumbs.
 */
export function normalizeRating(rating: number, scale?: "thumbs" | "stars"): -1 | 0 | 1 {
  const stars = scale === "stars" || rating > 1;
  if (stars) {
    if (rating < 1 || rating > 5) throw errors.validation("Invalid rating", [{ path: "rating", message: "must be 1..5 on the stars scale" }]);
    return rating <= 2 ? -1 : rating === 3 ? 0 : 1;
  }
  if (rating < -1 || rating > 1) throw errors.validation("Invalid rating", [{ path: "rating", message: "must be -1, 0 or 1" }]);
  return rating as -1 | 0 | 1;
}

const feedbackDto = (r: FeedbackListRow) => ({
  id: String(r.id),
  messageId: String(r.messageId),
  conversationId: String(r.conversationId),
  rating: r.rating,
  comment: r.comment,
  user: r.userId ? { id: String(r.userId), name: r.userName ?? "" } : null,
  messagePreview: r.messageBody ? r.messageBody.slice(0, 160) : null,
  createdAt: r.createdAt.toISOString(),
});

export async function submitFeedback(
  ctx: Ctx,
  input: { messageId: number; conversationId: number; rating: number; scale?: "thumbs" | "stars"; comment?: string | null },
) {
  if (!ctx.user) throw errors.forbidden("Feedback is given by a signed-in person");
  const rating = normalizeRating(input.rating, input.scale);
  await loadVisibleConversation(ctx, input.conversationId);
  const message = await findMessageOf(ctx.orgId, input.conversationId, input.messageId);
  if (!message) throw errors.notFound("Message");
  if (message.direction !== "OUTBOUND" || message.senderType !== "BOT" || message.isPrivate) {
    throw errors.rule("NOT_A_BOT_MESSAGE", "Only messages the bot sent to the customer can be rated");
  }
  const saved = await upsertFeedback({
    orgId: ctx.orgId,
    messageId: input.messageId,
    conversationId: input.conversationId,
    userId: ctx.user.id,
    rating,
    comment: input.comment?.trim() || null,
  });
  emit("bot.changed", { orgId: ctx.orgId, resource: "feedback", id: saved.id });
  const [row] = await listFeedback(ctx.orgId, { id: saved.id, limit: 1, teamIds: null });
  return feedbackDto(row);
}

const encodeCursor = (id: number) => Buffer.from(`f:${id}`).toString("base64url");
function decodeCursor(cursor: string | undefined) {
  if (!cursor) return undefined;
  const m = /^f:(\d{1,15})$/.exec(Buffer.from(cursor, "base64url").toString());
  if (!m) throw errors.validation("Invalid cursor", [{ path: "cursor", message: "is not a cursor of this list" }]);
  return Number(m[1]);
}

/** Newest first, limited to the conversations the caller may see (the inbox rule). */
export async function listBotFeedback(ctx: Ctx, q: { limit: number; cursor?: string }) {
  const { teamIds } = await visibilityOf(ctx);
  const rows = await listFeedback(ctx.orgId, { beforeId: decodeCursor(q.cursor), limit: q.limit + 1, teamIds });
  const page = rows.slice(0, q.limit);
  return { data: page.map(feedbackDto), nextCursor: rows.length > q.limit ? encodeCursor(page[page.length - 1].id) : null };
}
