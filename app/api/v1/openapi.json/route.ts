import { openapi } from "@/lib/api/contracts/system";
import { openApiDocument } from "@/lib/api/openapi";
import { route } from "@/lib/api/route";

export const GET = route(openapi, async () => openApiDocument());
