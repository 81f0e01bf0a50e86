import { listConversationMessages, sendConversationMessage } from "@/lib/api/contracts/conversation-messages";
import { route } from "@/lib/api/route";
import * as list from "@/lib/services/messages/list-messages";
import { sendInConversation } from "@/lib/services/messages/send-in-conversation";

export const GET = route(listConversationMessages, ({ ctx, params, query }) => list.listConversationMessages(ctx, params.id, query));
export const POST = route(sendConversationMessage, ({ ctx, params, body }) => sendInConversation(ctx, params.id, body));
