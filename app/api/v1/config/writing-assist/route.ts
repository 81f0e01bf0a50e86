import { getWritingAssistConfig, updateWritingAssistConfig } from "@/lib/api/contracts/writing-assist";
import { route } from "@/lib/api/route";
import { getWritingAssistConfig as getService, updateWritingAssistConfig as updateService } from "@/lib/services/bot/writing-assist";

export const GET = route(getWritingAssistConfig, ({ ctx }) => getService(ctx));
export const PUT = route(updateWritingAssistConfig, ({ ctx, body }) => updateService(ctx, body));
