import { createConnection, listConnections } from "@/lib/api/contracts/connections";
import { route } from "@/lib/api/route";
import { createConnection as createService, listConnections as listService } from "@/lib/services/bot/tools/connections";

export const GET = route(listConnections, ({ ctx }) => listService(ctx));
export const POST = route(createConnection, ({ ctx, body }) => createService(ctx, body));
