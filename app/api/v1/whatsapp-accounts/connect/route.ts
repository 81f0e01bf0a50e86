import { connectWhatsappAccount } from "@/lib/api/contracts/whatsapp-accounts";
import { route } from "@/lib/api/route";
import { connectEmbeddedSignup } from "@/lib/services/whatsapp/accounts/connect-account";

export const POST = route(connectWhatsappAccount, ({ ctx, body }) => connectEmbeddedSignup(ctx, body));
