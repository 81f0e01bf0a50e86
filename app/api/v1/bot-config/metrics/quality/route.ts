import { qualityMetrics } from "@/lib/api/contracts/bot-metrics";
import { route } from "@/lib/api/route";
import { qualityMetrics as quality } from "@/lib/services/bot/metrics";

export const GET = route(qualityMetrics, ({ ctx, query }) => quality(ctx, query.days));
