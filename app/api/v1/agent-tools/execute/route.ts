import { executeAgentTool } from "@/lib/api/contracts/bot-tools";
import { route } from "@/lib/api/route";
import { executeAgentTool as executeService } from "@/lib/services/bot/tools/agent-tools";

export const POST = route(executeAgentTool, ({ ctx, body }) => executeService(ctx, body));
