import { deleteWhatsappAccount, updateWhatsappAccount } from "@/lib/api/contracts/whatsapp-accounts";
import { route } from "@/lib/api/route";
import * as accounts from "@/lib/services/whatsapp/accounts/update-account";

export const PATCH = route(updateWhatsappAccount, ({ ctx, params, body }) => accounts.updateWhatsappAccount(ctx, params.id, body));
export const DELETE = route(deleteWhatsappAccount, ({ ctx, params }) => accounts.deleteWhatsappAccount(ctx, params.id));
