"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { bulkUsers, createUser, listUsers, resendUserInvite, setUserStatus, updateUser } from "@/lib/api/contracts/users";
import type { UserDto } from "@/lib/api/contracts/schemas";
import { api, type BodyOf, type QueryOf, type ResponseOf } from "./api";
import { keys } from "./keys";

export type User = UserDto;
export type UsersQuery = QueryOf<typeof listUsers>;
export type UsersPage = ResponseOf<typeof listUsers>;

export function useUsers(params: UsersQuery) {
  return useQuery({
    queryKey: keys.usersList(params),
    queryFn: ({ signal }) => api<UsersPage>("/users", { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Any change to a member can change the invitations list and the caller's own /auth/me too. */
function useInvalidateMembers() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: keys.users }),
      qc.invalidateQueries({ queryKey: keys.invitations }),
      qc.invalidateQueries({ queryKey: keys.me }),
    ]);
}

export function useCreateUser() {
  const invalidate = useInvalidateMembers();
  return useMutation({
    mutationFn: (body: BodyOf<typeof createUser>) => api<ResponseOf<typeof createUser>>("/users", { method: "POST", body }),
    onSuccess: invalidate,
  });
}

export function useUpdateUser() {
  const invalidate = useInvalidateMembers();
  return useMutation({
    mutationFn: ({ id, ...body }: BodyOf<typeof updateUser> & { id: string }) =>
      api<ResponseOf<typeof updateUser>>(`/users/${id}`, { method: "PATCH", body }),
    onSuccess: invalidate,
  });
}

export function useDeleteUser() {
  const invalidate = useInvalidateMembers();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/users/${id}`, { method: "DELETE" }),
    onSuccess: invalidate,
  });
}

export function useSetUserStatus() {
  const invalidate = useInvalidateMembers();
  return useMutation({
    mutationFn: ({ id, status }: BodyOf<typeof setUserStatus> & { id: string }) =>
      api<ResponseOf<typeof setUserStatus>>(`/users/${id}/status`, { method: "PATCH", body: { status } }),
    onSuccess: invalidate,
  });
}

export function useResendUserInvite() {
  const invalidate = useInvalidateMembers();
  return useMutation({
    mutationFn: (id: string) => api<ResponseOf<typeof resendUserInvite>>(`/users/${id}/resend-invite`, { method: "POST" }),
    onSuccess: invalidate,
  });
}

export function useBulkUsers() {
  const invalidate = useInvalidateMembers();
  return useMutation({
    mutationFn: (body: BodyOf<typeof bulkUsers>) => api<ResponseOf<typeof bulkUsers>>("/users/bulk", { method: "POST", body }),
    onSettled: invalidate,
  });
}
