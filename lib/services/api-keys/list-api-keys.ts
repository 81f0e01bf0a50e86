import { listApiKeys as listApiKeyRows } from "@/db/queries/api-keys";
import type { Ctx } from "@/lib/api/context";
import { apiKeyDto } from "./dto";

export async function listApiKeys(ctx: Ctx, q: { page: number; limit: number }) {
  const { rows, total } = await listApiKeyRows(ctx.orgId, { limit: q.limit, offset: (q.page - 1) * q.limit });
  return { data: rows.map(apiKeyDto), page: q.page, limit: q.limit, total };
}
