import { traceMetrics } from "@/lib/api/contracts/bot-metrics";
import { route } from "@/lib/api/route";
import { traceMetrics as traces } from "@/lib/services/bot/metrics";

export const GET = route(traceMetrics, ({ ctx, query }) => traces(ctx, query));
