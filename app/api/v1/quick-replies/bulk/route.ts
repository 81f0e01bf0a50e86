import { bulkQuickReplies } from "@/lib/api/contracts/quick-replies";
import { route } from "@/lib/api/route";
import { bulkQuickReplies as bulkService } from "@/lib/services/quick-replies/bulk-quick-replies";

export const POST = route(bulkQuickReplies, ({ ctx, body }) => bulkService(ctx, body));
