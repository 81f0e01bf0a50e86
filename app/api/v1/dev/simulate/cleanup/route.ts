import { simulateCleanup } from "@/lib/api/contracts/dev-simulate";
import { route } from "@/lib/api/route";
import { cleanupSimulated } from "@/lib/services/dev-simulate/cleanup";

export const DELETE = route(simulateCleanup, ({ ctx }) => cleanupSimulated(ctx));
