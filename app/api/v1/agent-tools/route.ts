import { listAgentTools } from "@/lib/api/contracts/bot-tools";
import { route } from "@/lib/api/route";
import { listAgentTools as listService } from "@/lib/services/bot/tools/agent-tools";

export const GET = route(listAgentTools, ({ ctx }) => listService(ctx));
