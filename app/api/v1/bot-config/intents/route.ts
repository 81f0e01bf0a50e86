import { createIntent, listIntents } from "@/lib/api/contracts/bot-intents";
import { route } from "@/lib/api/route";
import { createIntent as create, listIntents as list } from "@/lib/services/bot/config/intents";

export const GET = route(listIntents, ({ ctx, query }) => list(ctx, query.configId));
export const POST = route(createIntent, ({ ctx, query, body }) => create(ctx, query.configId, body));
