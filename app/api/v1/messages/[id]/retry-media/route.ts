import { retryMedia } from "@/lib/api/contracts/messages-media";
import { route } from "@/lib/api/route";
import { retryInboundMedia } from "@/lib/services/whatsapp/webhook/media";

export const POST = route(retryMedia, ({ ctx, params }) => retryInboundMedia(ctx, params.id));
