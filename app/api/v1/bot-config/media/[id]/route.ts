import { deleteBotMedia, updateBotMedia } from "@/lib/api/contracts/bot-media";
import { route } from "@/lib/api/route";
import { deleteBotMedia as remove, updateBotMedia as update } from "@/lib/services/bot/media";

export const PATCH = route(updateBotMedia, ({ ctx, params, body }) => update(ctx, params.id, body));
export const DELETE = route(deleteBotMedia, ({ ctx, params }) => remove(ctx, params.id));
