import { deleteTag, updateTag } from "@/lib/api/contracts/tags";
import { route } from "@/lib/api/route";
import { deleteTag as deleteTagService, updateTag as updateTagService } from "@/lib/services/tags/tags";

export const PUT = route(updateTag, ({ ctx, params, body }) => updateTagService(ctx, params.id, body));
export const DELETE = route(deleteTag, ({ ctx, params }) => deleteTagService(ctx, params.id));
