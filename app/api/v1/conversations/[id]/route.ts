import { getConversation, updateConversation } from "@/lib/api/contracts/conversations";
import { route } from "@/lib/api/route";
import * as list from "@/lib/services/conversations/list";
import * as update from "@/lib/services/conversations/update";

export const GET = route(getConversation, ({ ctx, params }) => list.getConversation(ctx, params.id));
export const PATCH = route(updateConversation, ({ ctx, params, body }) => update.updateConversation(ctx, params.id, body));
