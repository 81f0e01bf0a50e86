import { toggleHideMessage } from "@/lib/api/contracts/conversation-messages";
import { route } from "@/lib/api/route";
import { toggleHide } from "@/lib/services/messages/toggle-hide";

export const POST = route(toggleHideMessage, ({ ctx, params }) => toggleHide(ctx, params.id));
