import { sendConversationMedia } from "@/lib/api/contracts/conversation-messages";
import { route } from "@/lib/api/route";
import { sendUploadedMedia } from "@/lib/services/messages/send-in-conversation";

export const POST = route(sendConversationMedia, ({ ctx, params, form }) => sendUploadedMedia(ctx, params.id, form));
