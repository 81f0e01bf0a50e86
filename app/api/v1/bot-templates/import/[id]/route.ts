import { importBotTemplate } from "@/lib/api/contracts/bot-templates";
import { route } from "@/lib/api/route";
import { importTemplate } from "@/lib/services/bot/templates";

export const POST = route(importBotTemplate, ({ ctx, params }) => importTemplate(ctx, params.id));
