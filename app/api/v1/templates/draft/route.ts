import { createTemplateDraft } from "@/lib/api/contracts/templates";
import { route } from "@/lib/api/route";
import * as create from "@/lib/services/templates/create-template";

export const POST = route(createTemplateDraft, ({ ctx, body }) => create.createTemplateDraft(ctx, body));
