import { listAllQuickReplies } from "@/lib/api/contracts/quick-replies";
import { route } from "@/lib/api/route";
import { listQuickReplies } from "@/lib/services/quick-replies/quick-replies";

export const GET = route(listAllQuickReplies, ({ ctx, query }) => listQuickReplies(ctx, query));
