import { listOrgSummaries } from "@/db/queries/principal";
import type { Ctx } from "@/lib/api/context";
import { organizationDto, userDto } from "@/lib/services/identity/dto";

/** The caller: user (null for API keys), current organization, permissions, and the orgs they can switch to. */
export async function getMe(ctx: Ctx) {
  const orgs = ctx.user ? await listOrgSummaries(ctx.user.id) : [];
  return {
    user: ctx.user ? userDto(ctx.user, ctx.role) : null,
    organization: organizationDto(ctx.org),
    permissions: [...ctx.permissions],
    organizations: orgs.map((o) => ({ id: String(o.id), name: o.name, role: o.role })),
    apiKeyId: ctx.apiKeyId ? String(ctx.apiKeyId) : null,
  };
}
