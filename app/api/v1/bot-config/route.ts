import { createBotConfig, getBotConfig, upsertBotConfig } from "@/lib/api/contracts/bot-config";
import { route } from "@/lib/api/route";
import { createBotConfig as create, getCurrentConfig, upsertBotConfig as upsert } from "@/lib/services/bot/config/configs";

export const GET = route(getBotConfig, ({ ctx, query }) => getCurrentConfig(ctx, query.configId));
export const POST = route(createBotConfig, ({ ctx, body }) => create(ctx, body));
export const PUT = route(upsertBotConfig, ({ ctx, query, body }) => upsert(ctx, query.configId, body));
