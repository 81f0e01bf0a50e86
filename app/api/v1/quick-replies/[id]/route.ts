import { deleteQuickReply, updateQuickReply } from "@/lib/api/contracts/quick-replies";
import { route } from "@/lib/api/route";
import { deleteQuickReply as deleteService, updateQuickReply as updateService } from "@/lib/services/quick-replies/quick-replies";

export const PATCH = route(updateQuickReply, ({ ctx, params, body }) => updateService(ctx, params.id, body));
export const DELETE = route(deleteQuickReply, ({ ctx, params }) => deleteService(ctx, params.id));
