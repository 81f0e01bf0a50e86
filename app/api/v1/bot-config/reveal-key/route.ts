import { revealBotKey } from "@/lib/api/contracts/bot-config";
import { route } from "@/lib/api/route";
import { revealKey } from "@/lib/services/bot/config/keys";

export const GET = route(revealBotKey, ({ ctx, query }) => revealKey(ctx, query));
