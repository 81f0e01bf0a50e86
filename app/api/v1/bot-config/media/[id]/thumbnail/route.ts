import { botMediaThumbnail } from "@/lib/api/contracts/bot-media";
import { route } from "@/lib/api/route";
import { botMediaThumbnail as serve } from "@/lib/services/bot/media";

export const GET = route(botMediaThumbnail, ({ ctx, params }) => serve(ctx, params.id));
