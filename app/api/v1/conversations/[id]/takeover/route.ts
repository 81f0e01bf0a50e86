import { takeoverConversation } from "@/lib/api/contracts/conversations";
import { route } from "@/lib/api/route";
import * as assign from "@/lib/services/conversations/assign";

export const POST = route(takeoverConversation, ({ ctx, params }) => assign.takeoverConversation(ctx, params.id));
