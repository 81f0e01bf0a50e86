import { activatePromptVersion } from "@/lib/api/contracts/bot-config";
import { route } from "@/lib/api/route";
import { activatePromptVersion as activate } from "@/lib/services/bot/config/prompt-versions";

export const POST = route(activatePromptVersion, ({ ctx, params }) => activate(ctx, params.id));
