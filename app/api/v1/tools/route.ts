import { createTool, listTools } from "@/lib/api/contracts/bot-tools";
import { route } from "@/lib/api/route";
import { createTool as createToolService, listTools as listToolsService } from "@/lib/services/bot/tools/tools";

export const GET = route(listTools, ({ ctx }) => listToolsService(ctx));
export const POST = route(createTool, ({ ctx, body }) => createToolService(ctx, body));
