import { adminCreateBotTemplate, adminListBotTemplates } from "@/lib/api/contracts/bot-templates";
import { route } from "@/lib/api/route";
import { createTemplate, listAllTemplates } from "@/lib/services/bot/templates";

export const GET = route(adminListBotTemplates, () => listAllTemplates());
export const POST = route(adminCreateBotTemplate, ({ ctx, body }) => createTemplate(ctx, body));
