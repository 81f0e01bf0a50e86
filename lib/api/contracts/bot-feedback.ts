import { z } from "zod";
import { defineContract, idRef } from "../contract";
import { feedbackSchema } from "./bot-schemas";

const tags = ["Bot builder"] as const;

export const submitBotFeedback = defineContract({
  tags,
  access: "user",
  permission: "bot.feedback",
  method: "POST",
  path: "/bot-feedback",
  summary: "Submit feedback on a bot message",
  description:
    "On an outbound message the bot sent (422 NOT_A_BOT_MESSAGE otherwise), in a conversation the caller may see (404 otherwise). One " +
    "rating per person and message: sending again replaces it. `rating`: -1 (bad), 0 (neutral), 1 (good); a 1..5 star rating is accepted " +
    'with `scale: "stars"` (1–2 → -1, 3 → 0, 4–5 → 1), and 2..5 without a scale are read as stars.',
  body: z.strictObject({
    messageId: idRef,
    conversationId: idRef,
    rating: z.number().int().min(-1).max(5),
    scale: z.enum(["thumbs", "stars"]).optional(),
    comment: z.string().trim().max(1000).nullable().optional(),
  }),
  example: { messageId: "1", conversationId: "1", rating: 1 },
  response: feedbackSchema,
  status: 201,
});

export const listBotFeedback = defineContract({
  tags,
  access: "member",
  permission: "bot.read",
  method: "GET",
  path: "/bot-feedback",
  summary: "List bot feedback",
  description: "Newest first, only on conversations the caller may see; `nextCursor` pages to older ratings.",
  query: z.strictObject({ limit: z.coerce.number().int().min(1).max(100).default(20), cursor: z.string().max(100).optional() }),
  response: z.object({ data: z.array(feedbackSchema), nextCursor: z.string().nullable() }),
});
