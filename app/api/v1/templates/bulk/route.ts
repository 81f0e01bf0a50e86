import { bulkTemplates } from "@/lib/api/contracts/templates";
import { route } from "@/lib/api/route";
import * as bulk from "@/lib/services/templates/bulk-templates";

export const POST = route(bulkTemplates, ({ ctx, body }) => bulk.bulkTemplates(ctx, body));
