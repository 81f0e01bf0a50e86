import { connectWhatsappAccountManual } from "@/lib/api/contracts/whatsapp-accounts";
import { route } from "@/lib/api/route";
import { connectManual } from "@/lib/services/whatsapp/accounts/connect-account";

export const POST = route(connectWhatsappAccountManual, ({ ctx, body }) => connectManual(ctx, body));
