import { reorderIntents } from "@/lib/api/contracts/bot-intents";
import { route } from "@/lib/api/route";
import { reorderIntents as reorder } from "@/lib/services/bot/config/intents";

export const PUT = route(reorderIntents, ({ ctx, query, body }) => reorder(ctx, query.configId, body.ids));
