"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { createApiKey, listApiKeys, updateApiKey } from "@/lib/api/contracts/api-keys";
import { api, type BodyOf, type ResponseOf } from "./api";
import { keys } from "./keys";

export type ApiKeysPage = ResponseOf<typeof listApiKeys>;
export type ApiKey = ApiKeysPage["data"][number];
export type CreatedApiKey = ResponseOf<typeof createApiKey>;

export function useApiKeys() {
  return useQuery({
    queryKey: keys.apiKeys,
    queryFn: ({ signal }) => api<ApiKeysPage>("/api-keys", { query: { limit: 100 }, signal }),
  });
}

function useInvalidateKeys() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: keys.apiKeys });
}

export function useCreateApiKey() {
  const invalidate = useInvalidateKeys();
  return useMutation({
    mutationFn: (body: BodyOf<typeof createApiKey>) => api<CreatedApiKey>("/api-keys", { method: "POST", body }),
    onSuccess: invalidate,
  });
}

export function useUpdateApiKey() {
  const invalidate = useInvalidateKeys();
  return useMutation({
    mutationFn: ({ id, ...body }: BodyOf<typeof updateApiKey> & { id: string }) =>
      api<ResponseOf<typeof updateApiKey>>(`/api-keys/${id}`, { method: "PATCH", body }),
    onSuccess: invalidate,
  });
}

export function useDeleteApiKey() {
  const invalidate = useInvalidateKeys();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api-keys/${id}`, { method: "DELETE" }),
    onSuccess: invalidate,
  });
}
