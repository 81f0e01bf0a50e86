import { duplicateBotConfig } from "@/lib/api/contracts/bot-config";
import { route } from "@/lib/api/route";
import { duplicateBotConfig as duplicate } from "@/lib/services/bot/config/configs";

export const POST = route(duplicateBotConfig, ({ ctx, params, body }) => duplicate(ctx, params.id, body));
