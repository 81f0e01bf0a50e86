import { bulkRetry } from "@/lib/api/contracts/messages";
import { route } from "@/lib/api/route";
import { bulkRetry as retry } from "@/lib/services/messages/failed-messages";

export const POST = route(bulkRetry, ({ ctx, body }) => retry(ctx, body));
