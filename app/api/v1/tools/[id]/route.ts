import { deleteTool, updateTool } from "@/lib/api/contracts/bot-tools";
import { route } from "@/lib/api/route";
import { deleteTool as deleteToolService, updateTool as updateToolService } from "@/lib/services/bot/tools/tools";

export const PUT = route(updateTool, ({ ctx, params, body }) => updateToolService(ctx, params.id, body));
export const DELETE = route(deleteTool, ({ ctx, params }) => deleteToolService(ctx, params.id));
