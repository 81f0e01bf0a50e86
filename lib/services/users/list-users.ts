import { listMembers, type MemberFilter } from "@/db/queries/users";
import type { Ctx } from "@/lib/api/context";
import { userDto } from "@/lib/services/identity/dto";

export async function listUsers(ctx: Ctx, q: MemberFilter & { page: number; limit: number }) {
  const { rows, total } = await listMembers(ctx.orgId, { ...q, offset: (q.page - 1) * q.limit });
  return { data: rows.map((r) => userDto(r.user, r.role)), page: q.page, limit: q.limit, total };
}
