import { failedMessageStats } from "@/lib/api/contracts/messages";
import { route } from "@/lib/api/route";
import { failedMessageStats as stats } from "@/lib/services/messages/failed-messages";

export const GET = route(failedMessageStats, ({ ctx }) => stats(ctx));
