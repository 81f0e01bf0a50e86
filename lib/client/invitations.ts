"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  acceptInvitation,
  createInvitation,
  invitationByToken,
  listInvitations,
  resendInvitation,
} from "@/lib/api/contracts/invitations";
import { api, type BodyOf, type QueryOf, type ResponseOf } from "./api";
import { keys } from "./keys";

export type InvitationsQuery = QueryOf<typeof listInvitations>;
export type InvitationsPage = ResponseOf<typeof listInvitations>;
export type Invitation = InvitationsPage["data"][number];
export type PublicInvitation = ResponseOf<typeof invitationByToken>;

export function useInvitations(params: InvitationsQuery, enabled = true) {
  return useQuery({
    queryKey: keys.invitationsList(params),
    queryFn: ({ signal }) => api<InvitationsPage>("/invitations", { query: params, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

function useInvalidateInvitations() {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: keys.invitations }), qc.invalidateQueries({ queryKey: keys.users })]);
}

export function useCreateInvitation() {
  const invalidate = useInvalidateInvitations();
  return useMutation({
    mutationFn: (body: BodyOf<typeof createInvitation>) =>
      api<ResponseOf<typeof createInvitation>>("/invitations", { method: "POST", body }),
    onSuccess: invalidate,
  });
}

export function useResendInvitation() {
  const invalidate = useInvalidateInvitations();
  return useMutation({
    mutationFn: (id: string) => api<ResponseOf<typeof resendInvitation>>(`/invitations/${id}/resend`, { method: "POST" }),
    onSuccess: invalidate,
  });
}

export function useRevokeInvitation() {
  const invalidate = useInvalidateInvitations();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/invitations/${id}`, { method: "DELETE" }),
    onSuccess: invalidate,
  });
}

/** Public: the invitation page reads it before anyone is signed in. */
export function useInvitationByToken(token: string) {
  return useQuery({
    queryKey: keys.invitationByToken(token),
    queryFn: ({ signal }) => api<PublicInvitation>(`/invitations/token/${encodeURIComponent(token)}`, { signal }),
    staleTime: Infinity,
  });
}

export function useAcceptInvitation(token: string) {
  return useMutation({
    mutationFn: (body: BodyOf<typeof acceptInvitation>) =>
      api<ResponseOf<typeof acceptInvitation>>(`/invitations/accept/${encodeURIComponent(token)}`, { method: "POST", body }),
  });
}
