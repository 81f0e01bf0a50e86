import { deleteTemplateAtMeta } from "@/lib/api/contracts/templates";
import { route } from "@/lib/api/route";
import * as remove from "@/lib/services/templates/delete-template";

export const DELETE = route(deleteTemplateAtMeta, ({ ctx, params }) => remove.deleteTemplateAtMeta(ctx, params.id));
