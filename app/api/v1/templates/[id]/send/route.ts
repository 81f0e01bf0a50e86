import { sendTemplate } from "@/lib/api/contracts/template-send";
import { route } from "@/lib/api/route";
import { sendTemplateToConversation } from "@/lib/services/messages/send-template";

export const POST = route(sendTemplate, ({ ctx, params, body }) => sendTemplateToConversation(ctx, params.id, body));
