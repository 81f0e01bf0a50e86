import { readConversation } from "@/lib/api/contracts/conversations";
import { route } from "@/lib/api/route";
import * as read from "@/lib/services/conversations/read";

export const POST = route(readConversation, ({ ctx, params }) => read.readConversation(ctx, params.id));
