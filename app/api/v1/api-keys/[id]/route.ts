import { deleteApiKey, updateApiKey } from "@/lib/api/contracts/api-keys";
import { route } from "@/lib/api/route";
import { deleteApiKey as deleteApiKeyService } from "@/lib/services/api-keys/delete-api-key";
import { updateApiKey as updateApiKeyService } from "@/lib/services/api-keys/update-api-key";

export const PATCH = route(updateApiKey, ({ ctx, params, body }) => updateApiKeyService(ctx, params.id, body));
export const DELETE = route(deleteApiKey, ({ ctx, params }) => deleteApiKeyService(ctx, params.id));
