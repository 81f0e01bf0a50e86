import { createPreset, listPresets } from "@/lib/api/contracts/bot-presets";
import { route } from "@/lib/api/route";
import { createPreset as create, listPresets as list } from "@/lib/services/bot/config/presets";

export const GET = route(listPresets, ({ ctx }) => list(ctx));
export const POST = route(createPreset, ({ ctx, body }) => create(ctx, body));
