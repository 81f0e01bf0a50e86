import { ready } from "@/lib/api/contracts/system";
import { route } from "@/lib/api/route";
import { checkReadiness } from "@/lib/services/system/readiness";

export const GET = route(ready, () => checkReadiness());
