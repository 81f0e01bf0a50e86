import { whatsappAccountHealth } from "@/lib/api/contracts/whatsapp-accounts";
import { route } from "@/lib/api/route";
import * as health from "@/lib/services/whatsapp/accounts/account-health";

export const GET = route(whatsappAccountHealth, ({ ctx, params }) => health.whatsappAccountHealth(ctx, params.id));
