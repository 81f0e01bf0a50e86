import { exportConfigZip } from "@/lib/api/contracts/bot-library";
import { route } from "@/lib/api/route";
import { exportZipResponse } from "@/lib/services/bot/export";

export const GET = route(exportConfigZip, ({ ctx, query }) => exportZipResponse(ctx, query.configId ?? null, query.tier));
