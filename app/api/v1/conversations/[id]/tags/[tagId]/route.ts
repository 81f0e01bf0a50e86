import { removeConversationTag } from "@/lib/api/contracts/tags";
import { route } from "@/lib/api/route";
import { removeConversationTag as removeConversationTagService } from "@/lib/services/tags/conversation-tags";

export const DELETE = route(removeConversationTag, ({ ctx, params }) => removeConversationTagService(ctx, params.id, params.tagId));
