import { discardMessage } from "@/lib/api/contracts/messages";
import { route } from "@/lib/api/route";
import { discardMessage as discard } from "@/lib/services/messages/failed-messages";

export const POST = route(discardMessage, ({ ctx, params }) => discard(ctx, params.id));
