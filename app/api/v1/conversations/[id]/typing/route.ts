import { sendTyping } from "@/lib/api/contracts/conversation-messages";
import { route } from "@/lib/api/route";
import { sendTypingIndicator } from "@/lib/services/messages/typing";

export const POST = route(sendTyping, ({ ctx, params }) => sendTypingIndicator(ctx, params.id));
