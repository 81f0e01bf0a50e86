import { completeWritingAssist } from "@/lib/api/contracts/writing-assist";
import { route } from "@/lib/api/route";
import { completeWritingAssist as completeService } from "@/lib/services/bot/writing-assist";

export const POST = route(completeWritingAssist, ({ ctx, body }) => completeService(ctx, body));
