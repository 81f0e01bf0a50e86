import { traceDetail } from "@/lib/api/contracts/bot-metrics";
import { route } from "@/lib/api/route";
import { traceDetail as detail } from "@/lib/services/bot/metrics";

export const GET = route(traceDetail, ({ ctx, params }) => detail(ctx, params.traceId));
