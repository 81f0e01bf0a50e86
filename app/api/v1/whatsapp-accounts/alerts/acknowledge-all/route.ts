import { acknowledgeAllAlerts } from "@/lib/api/contracts/whatsapp-accounts";
import { route } from "@/lib/api/route";
import * as alerts from "@/lib/services/whatsapp/accounts/alerts";

export const POST = route(acknowledgeAllAlerts, ({ ctx }) => alerts.acknowledgeAllAlerts(ctx));
