import { testConnection } from "@/lib/api/contracts/connections";
import { route } from "@/lib/api/route";
import { testConnection as testService } from "@/lib/services/bot/tools/connections";

export const POST = route(testConnection, ({ ctx, params, body }) => testService(ctx, params.id, body));
