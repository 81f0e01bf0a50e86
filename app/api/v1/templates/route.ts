import { createTemplate, listTemplates } from "@/lib/api/contracts/templates";
import { route } from "@/lib/api/route";
import * as create from "@/lib/services/templates/create-template";
import * as list from "@/lib/services/templates/list-templates";

export const GET = route(listTemplates, ({ ctx, query }) => list.listTemplates(ctx, query));
export const POST = route(createTemplate, ({ ctx, body }) => create.createTemplate(ctx, body));
