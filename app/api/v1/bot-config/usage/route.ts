import { getBotUsage } from "@/lib/api/contracts/bot-config";
import { route } from "@/lib/api/route";
import { usageOf } from "@/lib/services/bot/usage";

export const GET = route(getBotUsage, ({ ctx }) => usageOf(ctx.orgId));
