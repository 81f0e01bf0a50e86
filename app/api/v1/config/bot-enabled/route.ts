import * as c from "@/lib/api/contracts/bot-runtime";
import { route } from "@/lib/api/route";
import * as runtime from "@/lib/services/bot/engine/runtime-config";

export const GET = route(c.getBotEnabled, ({ ctx }) => runtime.getBotEnabled(ctx));
export const PUT = route(c.setBotEnabled, ({ ctx, body }) => runtime.setBotEnabled(ctx, body));
