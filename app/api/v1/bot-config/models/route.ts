import { listBotModels } from "@/lib/api/contracts/bot-config";
import { route } from "@/lib/api/route";
import { listModels } from "@/lib/services/bot/config/models";

export const GET = route(listBotModels, ({ ctx, query }) => listModels(ctx, query));
