import { deletePreset, updatePreset } from "@/lib/api/contracts/bot-presets";
import { route } from "@/lib/api/route";
import { deletePreset as remove, updatePreset as update } from "@/lib/services/bot/config/presets";

export const PUT = route(updatePreset, ({ ctx, params, body }) => update(ctx, params.id, body));
export const DELETE = route(deletePreset, ({ ctx, params }) => remove(ctx, params.id));
