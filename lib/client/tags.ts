"use client";

import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import type { TagDto } from "@/lib/api/contracts/inbox-schemas";
import { useRealtimeEvent } from "@/lib/realtime/use-realtime";
import { api } from "./api";
import {
  cachedConversations,
  conversationKeys,
  invalidateConversationRows,
  patchConversation,
  restoreSnapshot,
  snapshotConversations,
  type Conversation,
} from "./conversation-cache";

export type Tag = TagDto;
export type TagRef = Conversation["tags"][number];
export type TagColor = { name: string; hex: string };
export type TagBody = { name: string; color?: string; description?: string | null };

export const tagKeys = {
  all: ["tags"] as const,
  list: ["tags", "list"] as const,
  colors: ["tags", "colors"] as const,
};

const fetchTags = ({ signal }: { signal?: AbortSignal }) => api<{ data: Tag[] }>("/tags", { signal });

export function useTags() {
  return useQuery({ queryKey: tagKeys.list, queryFn: fetchTags, select: (r) => r.data });
}

export function useTagColors() {
  return useQuery({
    queryKey: tagKeys.colors,
    queryFn: ({ signal }) => api<{ data: TagColor[] }>("/tags/colors", { signal }),
    select: (r) => r.data,
    staleTime: Infinity,
  });
}

/** A renamed, recolored or deleted tag changes the chips of every conversation row carrying it. */
const refreshTagsAndRows = (qc: QueryClient) => Promise.all([qc.invalidateQueries({ queryKey: tagKeys.list }), invalidateConversationRows(qc)]);
const refreshTags = (qc: QueryClient) => qc.invalidateQueries({ queryKey: tagKeys.list });

function useTagMutation<I, O>(fn: (input: I) => Promise<O>, refresh: (qc: QueryClient) => Promise<unknown> = refreshTags) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => refresh(qc) });
}

export const useCreateTag = () => useTagMutation((body: TagBody) => api<Tag>("/tags", { method: "POST", body }));
export const useUpdateTag = () =>
  useTagMutation(({ id, ...body }: Partial<TagBody> & { id: string }) => api<Tag>(`/tags/${id}`, { method: "PUT", body }), refreshTagsAndRows);
export const useDeleteTag = () => useTagMutation((id: string) => api<void>(`/tags/${id}`, { method: "DELETE" }), refreshTagsAndRows);

/**
 * `tag.changed` also comes for a new tag or a bulk (un)tagging, which leave every row as it looks (bulk changes come
 * as conversation events): the conversation rows refetch only when one of them shows a tag renamed, recolored or gone.
 */
async function onTagChanged(qc: QueryClient) {
  const fresh = await qc.fetchQuery({ queryKey: tagKeys.list, queryFn: fetchTags, staleTime: 0 }).catch(() => null);
  const byId = new Map(fresh?.data.map((tag) => [tag.id, tag]));
  const outdated = (ref: TagRef) => {
    const tag = byId.get(ref.id);
    return !tag || tag.name !== ref.name || tag.color !== ref.color;
  };
  if (!fresh || cachedConversations(qc).some((c) => c.tags.some(outdated))) await invalidateConversationRows(qc);
}

/** Tags are created, renamed, recolored and removed by other admins: the tag list (and rows showing them) follow. */
export function useLiveTags() {
  const qc = useQueryClient();
  useRealtimeEvent("tag.changed", () => void onTagChanged(qc));
}

function useConversationTagMutation<I extends ConversationTagInput>(fn: (input: I) => Promise<unknown>, patchFor: (input: I) => (c: Conversation) => Conversation) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onMutate: async (input: I) => {
      await qc.cancelQueries({ queryKey: conversationKeys.one(input.conversationId) });
      const snap = snapshotConversations(qc);
      patchConversation(qc, input.conversationId, patchFor(input));
      return { snap };
    },
    onError: (_e, _input, ctx) => ctx && restoreSnapshot(qc, ctx.snap),
    onSettled: (_d, _e, input) =>
      Promise.all([
        qc.invalidateQueries({ queryKey: conversationKeys.one(input.conversationId) }),
        qc.invalidateQueries({ queryKey: conversationKeys.lists }),
        qc.invalidateQueries({ queryKey: tagKeys.list }),
      ]),
  });
}

export type ConversationTagInput = { conversationId: string; tag: TagRef };

export const useAddConversationTag = () =>
  useConversationTagMutation(
    ({ conversationId, tag }: ConversationTagInput) => api<{ data: TagRef[] }>(`/conversations/${conversationId}/tags`, { method: "POST", body: { tagId: tag.id } }),
    ({ tag }) =>
      (c) => (c.tags.some((x) => x.id === tag.id) ? c : { ...c, tags: [...c.tags, { id: tag.id, name: tag.name, color: tag.color }].sort((a, b) => a.name.localeCompare(b.name)) })
  );

export const useRemoveConversationTag = () =>
  useConversationTagMutation(
    ({ conversationId, tag }: ConversationTagInput) => api<void>(`/conversations/${conversationId}/tags/${tag.id}`, { method: "DELETE" }),
    ({ tag }) => (c) => ({ ...c, tags: c.tags.filter((x) => x.id !== tag.id) })
  );
