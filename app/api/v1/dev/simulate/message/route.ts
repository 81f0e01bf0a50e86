import { simulateMessage } from "@/lib/api/contracts/dev-simulate";
import { route } from "@/lib/api/route";
import * as simulate from "@/lib/services/dev-simulate/simulate";

export const POST = route(simulateMessage, ({ ctx, body }) => simulate.simulateMessage(ctx, body));
