import { validateBotKey } from "@/lib/api/contracts/bot-config";
import { route } from "@/lib/api/route";
import { validateKey } from "@/lib/services/bot/config/sandbox";

export const POST = route(validateBotKey, ({ ctx, body }) => validateKey(ctx, body));
