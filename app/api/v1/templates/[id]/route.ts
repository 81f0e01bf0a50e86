import { deleteTemplate, editTemplate } from "@/lib/api/contracts/templates";
import { route } from "@/lib/api/route";
import * as remove from "@/lib/services/templates/delete-template";
import * as edit from "@/lib/services/templates/edit-template";

export const PUT = route(editTemplate, ({ ctx, params, body }) => edit.editTemplate(ctx, params.id, body));
export const DELETE = route(deleteTemplate, ({ ctx, params }) => remove.deleteTemplate(ctx, params.id));
