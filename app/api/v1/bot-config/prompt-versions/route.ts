import { listPromptVersions } from "@/lib/api/contracts/bot-config";
import { route } from "@/lib/api/route";
import { listPromptVersions as list } from "@/lib/services/bot/config/prompt-versions";

export const GET = route(listPromptVersions, ({ ctx, query }) => list(ctx, query.configId));
