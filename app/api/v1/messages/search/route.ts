import { searchMessages } from "@/lib/api/contracts/conversation-messages";
import { route } from "@/lib/api/route";
import * as search from "@/lib/services/messages/search";

export const GET = route(searchMessages, ({ ctx, query }) => search.searchMessages(ctx, query));
