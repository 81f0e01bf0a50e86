import { getMetaConfig, putMetaConfig } from "@/lib/api/contracts/whatsapp-accounts";
import { route } from "@/lib/api/route";
import * as metaConfig from "@/lib/services/whatsapp/accounts/meta-config";

export const GET = route(getMetaConfig, ({ ctx }) => metaConfig.getMetaConfig(ctx));
export const PUT = route(putMetaConfig, ({ ctx, body }) => metaConfig.putMetaConfig(ctx, body));
