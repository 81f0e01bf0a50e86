import { retrySend } from "@/lib/api/contracts/messages";
import { route } from "@/lib/api/route";
import { retrySend as retry } from "@/lib/services/messages/failed-messages";

export const POST = route(retrySend, ({ ctx, params }) => retry(ctx, params.id));
