import { n8nBotResponse } from "@/lib/api/contracts/bot-runtime";
import { route } from "@/lib/api/route";
import { receiveExternalReply } from "@/lib/services/bot/engine/external";

export const POST = route(n8nBotResponse, ({ ctx, body }) => receiveExternalReply(ctx, body));
