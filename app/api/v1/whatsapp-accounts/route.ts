import { listWhatsappAccounts } from "@/lib/api/contracts/whatsapp-accounts";
import { route } from "@/lib/api/route";
import * as accounts from "@/lib/services/whatsapp/accounts/list-accounts";

export const GET = route(listWhatsappAccounts, ({ ctx }) => accounts.listWhatsappAccounts(ctx));
