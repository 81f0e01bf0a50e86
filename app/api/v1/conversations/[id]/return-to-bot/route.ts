import { returnToBot } from "@/lib/api/contracts/conversations";
import { route } from "@/lib/api/route";
import * as assign from "@/lib/services/conversations/assign";

export const POST = route(returnToBot, ({ ctx, params, body }) => assign.returnToBot(ctx, params.id, body));
