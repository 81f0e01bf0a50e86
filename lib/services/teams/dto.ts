import type { TeamMemberRow, TeamRow } from "@/db/queries/teams";
import type { TeamDetailDto, TeamDto } from "@/lib/api/contracts/inbox-schemas";
import { fileUrl } from "@/lib/services/identity/dto";

export function teamDto(t: TeamRow, memberCount: number): TeamDto {
  return {
    id: String(t.id),
    name: t.name,
    description: t.description,
    color: t.color,
    isActive: t.isActive,
    memberCount,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

export function teamDetailDto(t: TeamRow, members: TeamMemberRow[]): TeamDetailDto {
  return {
    ...teamDto(t, members.length),
    members: members.map((m) => ({
      userId: String(m.user.id),
      name: m.user.name,
      email: m.user.email,
      avatarUrl: fileUrl(m.user.avatarFileId),
      status: m.user.presenceStatus,
      role: m.role,
      joinedAt: m.joinedAt.toISOString(),
    })),
  };
}
