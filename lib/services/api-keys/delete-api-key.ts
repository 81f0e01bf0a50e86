import { getDb } from "@/db/client";
import { deleteApiKey as deleteApiKeyRow } from "@/db/queries/api-keys";
import type { Ctx } from "@/lib/api/context";
import { errors } from "@/lib/api/errors";
import { audit } from "@/lib/services/audit";

export async function deleteApiKey(ctx: Ctx, id: number) {
  await getDb().transaction(async (tx) => {
    const row = await deleteApiKeyRow(ctx.orgId, id, tx);
    if (!row) throw errors.notFound("API key");
    await audit(ctx, "api_key.deleted", { type: "api_key", id }, { name: row.name }, tx);
  });
}
