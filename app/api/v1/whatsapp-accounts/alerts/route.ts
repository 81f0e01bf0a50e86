import { listAccountAlerts } from "@/lib/api/contracts/whatsapp-accounts";
import { route } from "@/lib/api/route";
import { listAlerts } from "@/lib/services/whatsapp/accounts/alerts";

export const GET = route(listAccountAlerts, ({ ctx, query }) => listAlerts(ctx, query));
