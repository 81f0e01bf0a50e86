import { reactToMessage } from "@/lib/api/contracts/messages";
import { route } from "@/lib/api/route";
import { reactToMessage as react } from "@/lib/services/messages/react";

export const POST = route(reactToMessage, ({ ctx, params, body }) => react(ctx, params.id, body.emoji));
