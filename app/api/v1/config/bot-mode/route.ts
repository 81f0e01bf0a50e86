import * as c from "@/lib/api/contracts/bot-runtime";
import { route } from "@/lib/api/route";
import * as runtime from "@/lib/services/bot/engine/runtime-config";

export const GET = route(c.getBotMode, ({ ctx }) => runtime.getBotMode(ctx));
export const PUT = route(c.setBotMode, ({ ctx, body }) => runtime.setBotMode(ctx, body));
