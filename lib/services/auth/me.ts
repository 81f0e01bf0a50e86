import { findOrganization, findUserById, listUserOrganizations } from "@/db/queries/users";
import type { Ctx } from "@/lib/api/context";
import { errors } from "@/lib/api/errors";
import { organizationDto, userDto } from "@/lib/services/identity/dto";

/** The caller: user (null for API keys), current organization, permissions, and the orgs they can switch to. */
export async function getMe(ctx: Ctx) {
  const [org, user, orgs] = await Promise.all([
    findOrganization(ctx.orgId),
    ctx.user ? findUserById(ctx.user.id) : undefined,
    ctx.user ? listUserOrganizations(ctx.user.id) : [],
  ]);
  if (!org) throw errors.notFound("Organization");
  return {
    user: user ? userDto(user, ctx.role) : null,
    organization: organizationDto(org),
    permissions: [...ctx.permissions],
    organizations: orgs.map((o) => ({ id: String(o.org.id), name: o.org.name, role: o.role })),
    apiKeyId: ctx.apiKeyId ? String(ctx.apiKeyId) : null,
  };
}
