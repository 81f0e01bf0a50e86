"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  bulkTemplates,
  createTemplate,
  createTemplateDraft,
  editTemplate,
  listTemplates,
  syncTemplates,
  updateTemplateDraft,
  uploadTemplateMedia,
} from "@/lib/api/contracts/templates";
import { useRealtimeEvent } from "@/lib/realtime/use-realtime";
import { api, type BodyOf, type QueryOf, type ResponseOf } from "./api";

export type TemplatesQuery = QueryOf<typeof listTemplates>;
export type TemplatesPage = ResponseOf<typeof listTemplates>;
export type Template = TemplatesPage["data"][number];
export type TemplateBody = BodyOf<typeof createTemplate>;
export type UploadedMedia = ResponseOf<typeof uploadTemplateMedia>;

export const templateKeys = {
  all: ["templates"] as const,
  list: (params: object) => ["templates", "list", params] as const,
};

export function useTemplates(params: TemplatesQuery) {
  return useQuery({
    queryKey: templateKeys.list(params),
    queryFn: ({ signal }) => api<TemplatesPage>("/templates", { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

function useInvalidateTemplates() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: templateKeys.all });
}

/** Every template mutation refreshes the lists; one hook per operation keeps pending states apart. */
function useTemplateMutation<I, O>(fn: (input: I) => Promise<O>) {
  const invalidate = useInvalidateTemplates();
  return useMutation({ mutationFn: fn, onSuccess: invalidate });
}

export const useCreateTemplate = () => useTemplateMutation((body: TemplateBody) => api<Template>("/templates", { method: "POST", body }));
export const useCreateDraft = () =>
  useTemplateMutation((body: BodyOf<typeof createTemplateDraft>) => api<Template>("/templates/draft", { method: "POST", body }));
export const useUpdateDraft = () =>
  useTemplateMutation(({ id, ...body }: BodyOf<typeof updateTemplateDraft> & { id: string }) => api<Template>(`/templates/${id}/draft`, { method: "PUT", body }));
export const useSubmitTemplate = () => useTemplateMutation((id: string) => api<Template>(`/templates/${id}/submit`, { method: "POST" }));
export const useEditTemplate = () =>
  useTemplateMutation(({ id, ...body }: BodyOf<typeof editTemplate> & { id: string }) => api<Template>(`/templates/${id}`, { method: "PUT", body }));
export const useDeleteTemplate = () => useTemplateMutation((id: string) => api<void>(`/templates/${id}`, { method: "DELETE" }));
export const useDeleteTemplateAtMeta = () => useTemplateMutation((id: string) => api<void>(`/templates/${id}/meta`, { method: "DELETE" }));
export const useDuplicateTemplate = () => useTemplateMutation((id: string) => api<Template>(`/templates/${id}/duplicate`, { method: "POST" }));
export const useSyncTemplates = () => useTemplateMutation(() => api<ResponseOf<typeof syncTemplates>>("/templates/sync", { method: "POST" }));
export const useBulkTemplates = () =>
  useTemplateMutation((body: BodyOf<typeof bulkTemplates>) => api<ResponseOf<typeof bulkTemplates>>("/templates/bulk", { method: "POST", body }));

export function useUploadTemplateMedia() {
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.set("file", file);
      return api<UploadedMedia>("/templates/upload-media", { method: "POST", form });
    },
  });
}

/** Meta's review results arrive by webhook; the list follows them live. */
export function useLiveTemplates() {
  const invalidate = useInvalidateTemplates();
  useRealtimeEvent("template.updated", () => void invalidate());
}
