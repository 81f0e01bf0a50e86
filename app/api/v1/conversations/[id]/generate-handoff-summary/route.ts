import { generateHandoffSummary } from "@/lib/api/contracts/conversations";
import { route } from "@/lib/api/route";
import * as summary from "@/lib/services/conversations/handoff-summary";

export const POST = route(generateHandoffSummary, ({ ctx, params }) => summary.generateHandoffSummary(ctx, params.id));
