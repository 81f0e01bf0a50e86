import { conversationCounts } from "@/lib/api/contracts/conversations";
import { route } from "@/lib/api/route";
import * as counts from "@/lib/services/conversations/counts";

export const GET = route(conversationCounts, ({ ctx, query }) => counts.conversationCounts(ctx, query));
