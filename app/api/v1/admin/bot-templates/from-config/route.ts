import { adminTemplateFromConfig } from "@/lib/api/contracts/bot-templates";
import { route } from "@/lib/api/route";
import { templateFromConfig } from "@/lib/services/bot/templates";

export const POST = route(adminTemplateFromConfig, ({ ctx, body }) => templateFromConfig(ctx, body));
