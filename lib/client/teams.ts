"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TeamDetailDto, TeamDto } from "@/lib/api/contracts/inbox-schemas";
import { useRealtimeEvent } from "@/lib/realtime/use-realtime";
import { api } from "./api";

export type Team = TeamDto;
export type TeamDetail = TeamDetailDto;
export type TeamMember = TeamDetailDto["members"][number];
export type TeamRole = TeamMember["role"];
export type TeamBody = { name: string; description?: string | null; color?: string | null };

export const TEAM_ROLES: readonly TeamRole[] = ["MEMBER", "LEAD"];

export const teamKeys = {
  all: ["teams"] as const,
  lists: ["teams", "list"] as const,
  list: (includeInactive: boolean) => ["teams", "list", includeInactive] as const,
  one: (id: string) => ["teams", "one", id] as const,
};

export function useTeams(includeInactive = false) {
  return useQuery({
    queryKey: teamKeys.list(includeInactive),
    queryFn: ({ signal }) => api<{ data: Team[] }>("/teams", { query: { includeInactive: includeInactive || undefined }, signal }),
    select: (r) => r.data,
  });
}

export function useTeam(id: string | null) {
  return useQuery({
    queryKey: teamKeys.one(id ?? ""),
    enabled: Boolean(id),
    queryFn: ({ signal }) => api<TeamDetail>(`/teams/${id}`, { signal }),
  });
}

const isDetail = (data: unknown): data is TeamDetail => typeof data === "object" && data !== null && "members" in data;

/**
 * `preview` patches the open team right away (a role select must not flip back while the request runs). A team the
 * server answered with is stored as is; only the lists (member counts) refetch then.
 */
function useTeamMutation<I, O>(fn: (input: I) => Promise<O>, preview?: (input: I) => { teamId: string; patch: (t: TeamDetail) => TeamDetail }) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onMutate: async (input: I) => {
      if (!preview) return undefined;
      const { teamId, patch } = preview(input);
      const key = teamKeys.one(teamId);
      await qc.cancelQueries({ queryKey: key });
      const before = qc.getQueryData<TeamDetail>(key);
      if (before) qc.setQueryData(key, patch(before));
      return { key, before };
    },
    onError: (_e, _i, ctx) => ctx?.before && qc.setQueryData(ctx.key, ctx.before),
    onSuccess: (data) => {
      if (isDetail(data)) qc.setQueryData(teamKeys.one(data.id), data);
    },
    onSettled: (data) => qc.invalidateQueries({ queryKey: isDetail(data) ? teamKeys.lists : teamKeys.all }),
  });
}

export const useCreateTeam = () => useTeamMutation((body: TeamBody) => api<TeamDetail>("/teams", { method: "POST", body }));
export const useUpdateTeam = () =>
  useTeamMutation(({ id, ...body }: Partial<TeamBody> & { id: string; isActive?: boolean }) => api<TeamDetail>(`/teams/${id}`, { method: "PATCH", body }));
export const useAddTeamMember = () =>
  useTeamMutation(({ teamId, ...body }: { teamId: string; userId: string; role?: TeamRole }) => api<TeamDetail>(`/teams/${teamId}/members`, { method: "POST", body }));
export const useSetTeamMemberRole = () =>
  useTeamMutation(
    ({ teamId, userId, role }: { teamId: string; userId: string; role: TeamRole }) => api<TeamDetail>(`/teams/${teamId}/members/${userId}`, { method: "PATCH", body: { role } }),
    ({ teamId, userId, role }) => ({ teamId, patch: (t) => ({ ...t, members: t.members.map((m) => (m.userId === userId ? { ...m, role } : m)) }) }),
  );
export const useRemoveTeamMember = () =>
  useTeamMutation(
    ({ teamId, userId }: { teamId: string; userId: string }) => api<void>(`/teams/${teamId}/members/${userId}`, { method: "DELETE" }),
    ({ teamId, userId }) => ({ teamId, patch: (t) => ({ ...t, members: t.members.filter((m) => m.userId !== userId) }) }),
  );

export function useLiveTeams() {
  const qc = useQueryClient();
  useRealtimeEvent("team.changed", () => void qc.invalidateQueries({ queryKey: teamKeys.all }));
}
