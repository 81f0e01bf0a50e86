import { removeQuickReplyMedia, uploadQuickReplyMedia } from "@/lib/api/contracts/quick-replies";
import { route } from "@/lib/api/route";
import { removeQuickReplyMedia as removeService, uploadQuickReplyMedia as uploadService } from "@/lib/services/quick-replies/media";

export const POST = route(uploadQuickReplyMedia, ({ ctx, params, form }) => uploadService(ctx, params.id, form));
export const DELETE = route(removeQuickReplyMedia, ({ ctx, params }) => removeService(ctx, params.id));
