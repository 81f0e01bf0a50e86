import { bulkConversations } from "@/lib/api/contracts/conversations";
import { route } from "@/lib/api/route";
import * as bulk from "@/lib/services/conversations/bulk";

export const POST = route(bulkConversations, ({ ctx, body }) => bulk.bulkConversations(ctx, body as bulk.BulkInput));
