import { conversationCategories } from "@/lib/api/contracts/conversations";
import { route } from "@/lib/api/route";
import * as counts from "@/lib/services/conversations/counts";

export const GET = route(conversationCategories, ({ ctx }) => counts.conversationCategories(ctx));
