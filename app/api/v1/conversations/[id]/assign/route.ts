import { assignConversation } from "@/lib/api/contracts/conversations";
import { route } from "@/lib/api/route";
import * as assign from "@/lib/services/conversations/assign";

export const POST = route(assignConversation, ({ ctx, params, body }) => assign.assignConversation(ctx, params.id, body));
