import { adminDeleteBotTemplate, adminUpdateBotTemplate } from "@/lib/api/contracts/bot-templates";
import { route } from "@/lib/api/route";
import { removeTemplate, updateTemplate } from "@/lib/services/bot/templates";

export const PUT = route(adminUpdateBotTemplate, ({ ctx, params, body }) => updateTemplate(ctx, params.templateId, body));
export const DELETE = route(adminDeleteBotTemplate, ({ ctx, params }) => removeTemplate(ctx, params.templateId));
