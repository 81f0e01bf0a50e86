import { createApiKey, listApiKeys } from "@/lib/api/contracts/api-keys";
import { route } from "@/lib/api/route";
import { createApiKey as createApiKeyService } from "@/lib/services/api-keys/create-api-key";
import { listApiKeys as listApiKeysService } from "@/lib/services/api-keys/list-api-keys";

export const GET = route(listApiKeys, ({ ctx, query }) => listApiKeysService(ctx, query));
export const POST = route(createApiKey, ({ ctx, body }) => createApiKeyService(ctx, body));
