import * as q from "@/db/queries/alerts";
import type { Ctx } from "@/lib/api/context";
import { errors } from "@/lib/api/errors";
import { alertDto } from "./dto";

export async function listAlerts(ctx: Ctx, input: { acknowledged?: boolean; page: number; limit: number }) {
  const { rows, total } = await q.listAlerts(ctx.orgId, { acknowledged: input.acknowledged, limit: input.limit, offset: (input.page - 1) * input.limit });
  return { data: rows.map(alertDto), page: input.page, limit: input.limit, total };
}

export async function countUnreadAlerts(ctx: Ctx) {
  return { count: await q.countUnacknowledgedAlerts(ctx.orgId) };
}

export async function acknowledgeAlert(ctx: Ctx, id: number) {
  const row = await q.acknowledgeAlert(ctx.orgId, id, ctx.user?.id ?? null);
  if (!row) throw errors.notFound("Alert");
  return alertDto(row);
}

export async function acknowledgeAllAlerts(ctx: Ctx) {
  return { acknowledged: await q.acknowledgeAllAlerts(ctx.orgId, ctx.user?.id ?? null) };
}
