import { testBotSandbox } from "@/lib/api/contracts/bot-config";
import { route } from "@/lib/api/route";
import { testSandbox } from "@/lib/services/bot/config/sandbox";

export const POST = route(testBotSandbox, ({ ctx, body }) => testSandbox(ctx, body));
