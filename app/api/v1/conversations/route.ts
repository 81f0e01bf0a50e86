import { listConversations } from "@/lib/api/contracts/conversations";
import { route } from "@/lib/api/route";
import * as list from "@/lib/services/conversations/list";

export const GET = route(listConversations, ({ ctx, query }) => list.listConversations(ctx, query));
