import { syncTemplates } from "@/lib/api/contracts/templates";
import { route } from "@/lib/api/route";
import * as sync from "@/lib/services/templates/sync-templates";

export const POST = route(syncTemplates, ({ ctx }) => sync.syncTemplates(ctx));
