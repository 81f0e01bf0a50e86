import { testBotLlm } from "@/lib/api/contracts/bot-config";
import { route } from "@/lib/api/route";
import { testLlm } from "@/lib/services/bot/config/sandbox";

export const POST = route(testBotLlm, ({ ctx, body }) => testLlm(ctx, body));
