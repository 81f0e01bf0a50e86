import { simulateTemplateStatus } from "@/lib/api/contracts/dev-simulate";
import { route } from "@/lib/api/route";
import * as templateStatus from "@/lib/services/dev-simulate/template-status";

export const POST = route(simulateTemplateStatus, ({ ctx, body }) => templateStatus.simulateTemplateStatus(ctx, body));
