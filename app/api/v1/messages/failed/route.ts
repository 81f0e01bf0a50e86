import { listFailedMessages } from "@/lib/api/contracts/messages";
import { route } from "@/lib/api/route";
import { listFailedMessages as list } from "@/lib/services/messages/failed-messages";

export const GET = route(listFailedMessages, ({ ctx, query }) => list(ctx, query));
