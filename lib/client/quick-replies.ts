"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { QuickReplyDto } from "@/lib/api/contracts/inbox-schemas";
import { useRealtimeEvent } from "@/lib/realtime/use-realtime";
import { api } from "./api";

export type QuickReply = QuickReplyDto;
export type QuickReplyBody = { shortcut: string; title: string; body: string; category?: string | null; isActive?: boolean };
export type QuickReplyBulkAction = "delete" | "activate" | "deactivate";
export type QuickReplySelection = { mode: "ids"; ids: string[] } | { mode: "all" };

export const quickReplyKeys = {
  all: ["quick-replies"] as const,
  active: ["quick-replies", "active"] as const,
  admin: ["quick-replies", "all"] as const,
};

/** Active replies for the composer's "/" picker (it filters them as the agent types). */
export function useQuickReplies() {
  return useQuery({
    queryKey: quickReplyKeys.active,
    queryFn: ({ signal }) => api<{ data: QuickReply[] }>("/quick-replies", { signal }),
    select: (r) => r.data,
    staleTime: 60_000,
  });
}

/** Every reply, inactive ones included (settings; admins only). */
export function useAllQuickReplies() {
  return useQuery({
    queryKey: quickReplyKeys.admin,
    queryFn: ({ signal }) => api<{ data: QuickReply[] }>("/quick-replies/all", { signal }),
    select: (r) => r.data,
  });
}

type AdminList = { data: QuickReply[] };

/**
 * `preview` (optional) patches the admin list right away — switches and bulk toggles must not flip back while the
 * request runs, or a quick second click would send the stale value.
 */
function useQuickReplyMutation<I, O>(fn: (input: I) => Promise<O>, preview?: (input: I) => (r: QuickReply) => QuickReply) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onMutate: async (input: I) => {
      if (!preview) return undefined;
      await qc.cancelQueries({ queryKey: quickReplyKeys.admin });
      const before = qc.getQueryData<AdminList>(quickReplyKeys.admin);
      const patch = preview(input);
      if (before) qc.setQueryData<AdminList>(quickReplyKeys.admin, { data: before.data.map(patch) });
      return { before };
    },
    onError: (_e, _i, ctx) => ctx?.before && qc.setQueryData(quickReplyKeys.admin, ctx.before),
    onSettled: () => qc.invalidateQueries({ queryKey: quickReplyKeys.all }),
  });
}

const activeFor = (ids: Set<string> | null, isActive: boolean | undefined) => (r: QuickReply) =>
  isActive !== undefined && (!ids || ids.has(r.id)) ? { ...r, isActive } : r;

export const useCreateQuickReply = () => useQuickReplyMutation((body: QuickReplyBody) => api<QuickReply>("/quick-replies", { method: "POST", body }));
export const useUpdateQuickReply = () =>
  useQuickReplyMutation(
    ({ id, ...body }: Partial<QuickReplyBody> & { id: string }) => api<QuickReply>(`/quick-replies/${id}`, { method: "PATCH", body }),
    ({ id, isActive }) => activeFor(new Set([id]), isActive),
  );
export const useDeleteQuickReply = () => useQuickReplyMutation((id: string) => api<void>(`/quick-replies/${id}`, { method: "DELETE" }));
export const useBulkQuickReplies = () =>
  useQuickReplyMutation(
    (body: { action: QuickReplyBulkAction; selection: QuickReplySelection }) => api<{ matched: number; succeeded: number }>("/quick-replies/bulk", { method: "POST", body }),
    ({ action, selection }) => activeFor(selection.mode === "ids" ? new Set(selection.ids) : null, action === "delete" ? undefined : action === "activate"),
  );
export const useAttachQuickReplyMedia = () =>
  useQuickReplyMutation(({ id, file }: { id: string; file: File }) => {
    const form = new FormData();
    form.set("file", file);
    return api<QuickReply>(`/quick-replies/${id}/media`, { method: "POST", form });
  });
export const useRemoveQuickReplyMedia = () => useQuickReplyMutation((id: string) => api<QuickReply>(`/quick-replies/${id}/media`, { method: "DELETE" }));

export function useLiveQuickReplies() {
  const qc = useQueryClient();
  useRealtimeEvent("quick_reply.changed", () => void qc.invalidateQueries({ queryKey: quickReplyKeys.all }));
}
