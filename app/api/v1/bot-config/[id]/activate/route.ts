import { activateBotConfig } from "@/lib/api/contracts/bot-config";
import { route } from "@/lib/api/route";
import { activateBotConfig as activate } from "@/lib/services/bot/config/configs";

export const PUT = route(activateBotConfig, ({ ctx, params }) => activate(ctx, params.id));
