import { botMediaFile } from "@/lib/api/contracts/bot-media";
import { route } from "@/lib/api/route";
import { botMediaFile as serve } from "@/lib/services/bot/media";

export const GET = route(botMediaFile, ({ ctx, params }) => serve(ctx, params.id));
