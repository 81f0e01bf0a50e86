import { getBotUsageHistory } from "@/lib/api/contracts/bot-config";
import { route } from "@/lib/api/route";
import { usageHistory } from "@/lib/services/bot/usage";

export const GET = route(getBotUsageHistory, async ({ ctx }) => ({ data: await usageHistory(ctx.orgId) }));
