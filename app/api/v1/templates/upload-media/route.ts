import { uploadTemplateMedia } from "@/lib/api/contracts/templates";
import { route } from "@/lib/api/route";
import * as media from "@/lib/services/templates/upload-media";

export const POST = route(uploadTemplateMedia, ({ ctx, form }) => media.uploadTemplateMedia(ctx, form));
