import { deleteBotConfig } from "@/lib/api/contracts/bot-config";
import { route } from "@/lib/api/route";
import { deleteBotConfig as remove } from "@/lib/services/bot/config/configs";

export const DELETE = route(deleteBotConfig, ({ ctx, params }) => remove(ctx, params.id));
