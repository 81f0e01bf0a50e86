import { duplicateTemplate } from "@/lib/api/contracts/templates";
import { route } from "@/lib/api/route";
import * as duplicate from "@/lib/services/templates/duplicate-template";

export const POST = route(duplicateTemplate, ({ ctx, params }) => duplicate.duplicateTemplate(ctx, params.id));
