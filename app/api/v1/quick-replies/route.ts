import { createQuickReply, listQuickReplies } from "@/lib/api/contracts/quick-replies";
import { route } from "@/lib/api/route";
import { createQuickReply as createService, listQuickReplies as listService } from "@/lib/services/quick-replies/quick-replies";

export const GET = route(listQuickReplies, ({ ctx, query }) => listService(ctx, { ...query, isActive: true }));
export const POST = route(createQuickReply, ({ ctx, body }) => createService(ctx, body));
