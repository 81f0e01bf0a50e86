import { extractAgentToolParams } from "@/lib/api/contracts/bot-tools";
import { route } from "@/lib/api/route";
import { extractToolParams } from "@/lib/services/bot/tools/agent-tools";

export const POST = route(extractAgentToolParams, ({ ctx, body }) => extractToolParams(ctx, body));
