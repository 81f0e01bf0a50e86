import { listBotMedia, uploadBotMedia } from "@/lib/api/contracts/bot-media";
import { route } from "@/lib/api/route";
import { listBotMedia as list, uploadBotMedia as upload } from "@/lib/services/bot/media";

export const GET = route(listBotMedia, ({ ctx }) => list(ctx));
export const POST = route(uploadBotMedia, ({ ctx, form }) => upload(ctx, form));
