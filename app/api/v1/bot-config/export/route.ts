import { exportConfig } from "@/lib/api/contracts/bot-library";
import { route } from "@/lib/api/route";
import { exportJsonResponse } from "@/lib/services/bot/export";

export const GET = route(exportConfig, ({ ctx, query }) => exportJsonResponse(ctx, query.configId ?? null, query.tier));
