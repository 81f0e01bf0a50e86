import { reprocessPending } from "@/lib/api/contracts/bot-runtime";
import { route } from "@/lib/api/route";
import * as job from "@/lib/services/bot/engine/job";

export const POST = route(reprocessPending, ({ ctx }) => job.reprocessPending(ctx));
