import { listInvitations as listInvitationRows, type InvitationFilter } from "@/db/queries/invitations";
import type { Ctx } from "@/lib/api/context";
import { invitationDto } from "./shared";

export async function listInvitations(ctx: Ctx, q: InvitationFilter & { page: number; limit: number }) {
  const { rows, total } = await listInvitationRows(ctx.orgId, { ...q, offset: (q.page - 1) * q.limit });
  return { data: rows.map(invitationDto), page: q.page, limit: q.limit, total };
}
