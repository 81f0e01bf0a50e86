import { sendTemplateToPhone } from "@/lib/api/contracts/template-send";
import { route } from "@/lib/api/route";
import { sendTemplateToPhone as send } from "@/lib/services/messages/send-template";

export const POST = route(sendTemplateToPhone, ({ ctx, params, body }) => send(ctx, params.id, body));
