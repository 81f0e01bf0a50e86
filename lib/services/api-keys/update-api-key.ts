import { getDb } from "@/db/client";
import { findApiKey, updateApiKey as updateApiKeyRow } from "@/db/queries/api-keys";
import type { Ctx } from "@/lib/api/context";
import { errors } from "@/lib/api/errors";
import { audit } from "@/lib/services/audit";
import { apiKeyDto } from "./dto";

/** Disabling takes effect on the key's next request: the principal lookup checks `enabled` every time. */
export async function updateApiKey(ctx: Ctx, id: number, input: { name?: string; enabled?: boolean }) {
  return getDb().transaction(async (tx) => {
    const before = await findApiKey(ctx.orgId, id, tx);
    if (!before) throw errors.notFound("API key");
    const row = await updateApiKeyRow(ctx.orgId, id, input, tx);
    await audit(ctx, "api_key.updated", { type: "api_key", id }, { before: { name: before.key.name, enabled: before.key.enabled }, after: input }, tx);
    return apiKeyDto({ key: row, creator: before.creator });
  });
}
