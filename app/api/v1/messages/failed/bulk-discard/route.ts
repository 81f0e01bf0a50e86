import { bulkDiscard } from "@/lib/api/contracts/messages";
import { route } from "@/lib/api/route";
import { bulkDiscard as discard } from "@/lib/services/messages/failed-messages";

export const POST = route(bulkDiscard, ({ ctx, body }) => discard(ctx, body));
