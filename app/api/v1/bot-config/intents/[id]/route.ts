import { deleteIntent, updateIntent } from "@/lib/api/contracts/bot-intents";
import { route } from "@/lib/api/route";
import { deleteIntent as remove, updateIntent as update } from "@/lib/services/bot/config/intents";

export const PUT = route(updateIntent, ({ ctx, params, body }) => update(ctx, params.id, body));
export const DELETE = route(deleteIntent, ({ ctx, params }) => remove(ctx, params.id));
