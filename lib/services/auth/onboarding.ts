import { findOrganization, updateOrganization } from "@/db/queries/users";
import type { Ctx } from "@/lib/api/context";
import { errors } from "@/lib/api/errors";
import { emit } from "@/lib/events/emit";
import { organizationDto } from "@/lib/services/identity/dto";

/** Idempotent: the first completion time is kept, later calls just answer the organization. */
export async function completeOnboarding(ctx: Ctx) {
  const org = await findOrganization(ctx.orgId);
  if (!org) throw errors.notFound("Organization");
  if (org.onboardingCompletedAt) return organizationDto(org);
  const updated = await updateOrganization(org.id, { onboardingCompletedAt: new Date() });
  emit("organization.updated", { orgId: org.id });
  return organizationDto(updated);
}
