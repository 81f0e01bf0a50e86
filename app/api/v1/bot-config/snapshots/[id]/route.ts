import { deleteSnapshot } from "@/lib/api/contracts/bot-library";
import { route } from "@/lib/api/route";
import { removeSnapshot } from "@/lib/services/bot/snapshots";

export const DELETE = route(deleteSnapshot, ({ ctx, params }) => removeSnapshot(ctx, params.id));
