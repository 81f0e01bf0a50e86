import { sessionMetrics } from "@/lib/api/contracts/bot-metrics";
import { route } from "@/lib/api/route";
import { sessionMetrics as sessions } from "@/lib/services/bot/metrics";

export const GET = route(sessionMetrics, ({ ctx, query }) => sessions(ctx, query));
