import { deleteConnection, updateConnection } from "@/lib/api/contracts/connections";
import { route } from "@/lib/api/route";
import { deleteConnection as deleteService, updateConnection as updateService } from "@/lib/services/bot/tools/connections";

export const PUT = route(updateConnection, ({ ctx, params, body }) => updateService(ctx, params.id, body));
export const DELETE = route(deleteConnection, ({ ctx, params }) => deleteService(ctx, params.id));
