import type { OrgRow, Role, UserRow } from "@/db/queries/users";
import type { OrganizationDto, UserDto } from "@/lib/api/contracts/schemas";

export const fileUrl = (fileId: number | null) => (fileId ? `/api/files/${fileId}` : null);

/** Accepts a full row or the principal's (which carries hasPassword instead of the hash). */
export function userDto(u: Omit<UserRow, "passwordHash"> & ({ passwordHash: string | null } | { hasPassword: boolean }), role: Role): UserDto {
  return {
    id: String(u.id),
    email: u.email,
    name: u.name,
    avatarUrl: fileUrl(u.avatarFileId),
    role,
    status: u.presenceStatus,
    isSuperAdmin: u.isSuperAdmin,
    locale: u.locale,
    writingAssist: u.writingAssist,
    invitationPending: "hasPassword" in u ? !u.hasPassword : !u.passwordHash,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
  };
}

export function organizationDto(o: OrgRow): OrganizationDto {
  return {
    id: String(o.id),
    name: o.name,
    slug: o.slug,
    plan: o.plan,
    status: o.status,
    timezone: o.timezone,
    locale: o.locale,
    logoUrl: fileUrl(o.logoFileId),
    brandColor: o.brandColor,
    featureFlags: o.featureFlags,
    onboardingCompleted: Boolean(o.onboardingCompletedAt),
    createdAt: o.createdAt.toISOString(),
  };
}
