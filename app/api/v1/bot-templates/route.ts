import { listBotTemplates } from "@/lib/api/contracts/bot-templates";
import { route } from "@/lib/api/route";
import { listPublishedTemplates } from "@/lib/services/bot/templates";

export const GET = route(listBotTemplates, () => listPublishedTemplates());
