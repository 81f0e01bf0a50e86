import { updateTemplateDraft } from "@/lib/api/contracts/templates";
import { route } from "@/lib/api/route";
import * as create from "@/lib/services/templates/create-template";

export const PUT = route(updateTemplateDraft, ({ ctx, params, body }) => create.updateTemplateDraft(ctx, params.id, body));
