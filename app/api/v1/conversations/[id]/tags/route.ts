import { addConversationTag } from "@/lib/api/contracts/tags";
import { route } from "@/lib/api/route";
import { addConversationTag as addConversationTagService } from "@/lib/services/tags/conversation-tags";

export const POST = route(addConversationTag, ({ ctx, params, body }) => addConversationTagService(ctx, params.id, body.tagId));
