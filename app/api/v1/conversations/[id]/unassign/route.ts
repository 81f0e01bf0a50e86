import { unassignConversation } from "@/lib/api/contracts/conversations";
import { route } from "@/lib/api/route";
import * as assign from "@/lib/services/conversations/assign";

export const POST = route(unassignConversation, ({ ctx, params }) => assign.unassignConversation(ctx, params.id));
