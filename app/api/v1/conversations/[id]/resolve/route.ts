import { resolveConversation } from "@/lib/api/contracts/conversations";
import { route } from "@/lib/api/route";
import * as resolve from "@/lib/services/conversations/resolve";

export const POST = route(resolveConversation, ({ ctx, params }) => resolve.resolveConversation(ctx, params.id));
