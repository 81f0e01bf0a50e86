"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { changePassword, getProfile, setWritingAssist, updateProfile } from "@/lib/api/contracts/profile";
import { api, type BodyOf, type ResponseOf } from "./api";
import { keys } from "./keys";

export type Profile = ResponseOf<typeof getProfile>;

export function useProfile() {
  return useQuery({ queryKey: keys.profile, queryFn: ({ signal }) => api<Profile>("/profile", { signal }) });
}

/** The profile is also part of /auth/me (shell avatar and name) and of the users list. */
function useProfileSaved() {
  const qc = useQueryClient();
  return (user: Profile) => {
    qc.setQueryData(keys.profile, user);
    return Promise.all([qc.invalidateQueries({ queryKey: keys.me }), qc.invalidateQueries({ queryKey: keys.users })]);
  };
}

export function useUpdateProfile() {
  const saved = useProfileSaved();
  return useMutation({
    mutationFn: (body: BodyOf<typeof updateProfile>) => api<Profile>("/profile", { method: "PATCH", body }),
    onSuccess: saved,
  });
}

export function useSetWritingAssist() {
  const saved = useProfileSaved();
  return useMutation({
    mutationFn: (body: BodyOf<typeof setWritingAssist>) =>
      api<ResponseOf<typeof setWritingAssist>>("/profile/writing-assist", { method: "PATCH", body }),
    onSuccess: saved,
  });
}

export function useUploadAvatar() {
  const saved = useProfileSaved();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.set("avatar", file);
      return api<Profile>("/profile/avatar", { method: "POST", form });
    },
    onSuccess: saved,
  });
}

export function useRemoveAvatar() {
  const saved = useProfileSaved();
  return useMutation({
    mutationFn: () => api<Profile>("/profile/avatar", { method: "DELETE" }),
    onSuccess: saved,
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: BodyOf<typeof changePassword>) =>
      api<ResponseOf<typeof changePassword>>("/profile/change-password", { method: "POST", body }),
  });
}
