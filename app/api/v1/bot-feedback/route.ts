import { listBotFeedback, submitBotFeedback } from "@/lib/api/contracts/bot-feedback";
import { route } from "@/lib/api/route";
import { listBotFeedback as list, submitFeedback } from "@/lib/services/bot/feedback";

export const GET = route(listBotFeedback, ({ ctx, query }) => list(ctx, query));
export const POST = route(submitBotFeedback, ({ ctx, body }) => submitFeedback(ctx, body));
