import { listTemplates as queryTemplates, type TemplateFilter } from "@/db/queries/templates";
import type { Ctx } from "@/lib/api/context";
import { templateDto } from "./dto";

export async function listTemplates(ctx: Ctx, q: TemplateFilter & { page: number; limit: number }) {
  const { rows, total } = await queryTemplates(ctx.orgId, q, { limit: q.limit, offset: (q.page - 1) * q.limit });
  return { data: rows.map(templateDto), page: q.page, limit: q.limit, total };
}
