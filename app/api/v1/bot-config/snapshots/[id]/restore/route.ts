import { restoreSnapshot } from "@/lib/api/contracts/bot-library";
import { route } from "@/lib/api/route";
import { restoreSnapshot as restore } from "@/lib/services/bot/snapshots";

export const POST = route(restoreSnapshot, ({ ctx, params }) => restore(ctx, params.id));
