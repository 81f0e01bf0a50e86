import { createTag, listTags } from "@/lib/api/contracts/tags";
import { route } from "@/lib/api/route";
import { createTag as createTagService, listTags as listTagsService } from "@/lib/services/tags/tags";

export const GET = route(listTags, ({ ctx }) => listTagsService(ctx));
export const POST = route(createTag, ({ ctx, body }) => createTagService(ctx, body));
