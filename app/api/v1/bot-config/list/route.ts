import { listBotConfigs } from "@/lib/api/contracts/bot-config";
import { route } from "@/lib/api/route";
import { listBotConfigs as list } from "@/lib/services/bot/config/configs";

export const GET = route(listBotConfigs, ({ ctx }) => list(ctx));
