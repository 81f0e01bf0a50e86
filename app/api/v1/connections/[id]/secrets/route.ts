import { revealConnectionSecrets } from "@/lib/api/contracts/connections";
import { route } from "@/lib/api/route";
import { revealConnectionSecrets as revealService } from "@/lib/services/bot/tools/connections";

export const GET = route(revealConnectionSecrets, ({ ctx, params }) => revealService(ctx, params.id));
