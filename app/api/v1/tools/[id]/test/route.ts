import { testTool } from "@/lib/api/contracts/bot-tools";
import { route } from "@/lib/api/route";
import { testTool as testToolService } from "@/lib/services/bot/tools/tools";

export const POST = route(testTool, ({ ctx, params, body }) => testToolService(ctx, params.id, body.params));
