"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { documentChunks, embeddingInfo, testRag } from "@/lib/api/contracts/bot-knowledge";
import type { DocumentDto } from "@/lib/api/contracts/bot-schemas";
import { useRealtimeEvent } from "@/lib/realtime/use-realtime";
import { api, ApiError, toApiError, type BodyOf, type ResponseOf } from "./api";

export type BotDocument = DocumentDto;
export type RagResult = ResponseOf<typeof testRag>;
export type EmbeddingInfo = ResponseOf<typeof embeddingInfo>;
type ChunkPage = ResponseOf<typeof documentChunks>;

export const knowledgeKeys = {
  all: ["bot-knowledge"] as const,
  documents: ["bot-knowledge", "documents"] as const,
  chunks: (id: string, page: number) => ["bot-knowledge", "chunks", id, page] as const,
  embedding: ["bot-knowledge", "embedding-info"] as const,
};

export function useDocuments() {
  return useQuery({
    queryKey: knowledgeKeys.documents,
    queryFn: ({ signal }) => api<{ data: BotDocument[] }>("/bot-config/documents", { signal }),
    select: (r) => r.data,
    // Progress normally arrives as realtime events; polling while something ingests covers a dropped socket.
    refetchInterval: (q) => (q.state.data?.data.some((d) => d.status === "PENDING" || d.status === "PROCESSING") ? 4_000 : false),
  });
}

export function useDocumentChunks(id: string | null, page: number, limit = 20) {
  return useQuery({
    queryKey: knowledgeKeys.chunks(id ?? "", page),
    queryFn: ({ signal }) => api<ChunkPage>(`/bot-config/documents/${id}/chunks`, { query: { page, limit }, signal }),
    enabled: Boolean(id),
    placeholderData: keepPreviousData,
  });
}

export function useEmbeddingInfo() {
  return useQuery({
    queryKey: knowledgeKeys.embedding,
    queryFn: ({ signal }) => api<EmbeddingInfo>("/bot-config/embedding-info", { signal }),
    staleTime: 60_000,
  });
}

export const useTestRag = () => useMutation({ mutationFn: (body: BodyOf<typeof testRag>) => api<RagResult>("/bot-config/test-rag", { method: "POST", body }) });

export function useDeleteDocument() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/bot-config/documents/${id}`, { method: "DELETE" }),
    onSuccess: (_r, id) => qc.setQueryData<{ data: BotDocument[] }>(knowledgeKeys.documents, (old) => old && { data: old.data.filter((d) => d.id !== id) }),
    onSettled: () => qc.invalidateQueries({ queryKey: knowledgeKeys.all }),
  });
}

/** The upload's failure as the API's error (fetch's toApiError reads the same envelope). */
const xhrError = (xhr: XMLHttpRequest) => toApiError(new Response(xhr.responseText, { status: xhr.status, statusText: xhr.statusText }));

/**
 * POST /bot-config/documents through XMLHttpRequest: fetch has no upload progress. `onProgress` gets 0..100 while
 * the bytes leave the browser; ingestion progress then arrives as "bot.document_progress" events.
 */
export function uploadDocument(file: File, title: string, onProgress: (pct: number) => void, signal?: AbortSignal): Promise<BotDocument> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const form = new FormData();
    form.set("file", file);
    form.set("title", title);
    xhr.open("POST", "/api/v1/bot-config/documents");
    xhr.setRequestHeader("accept", "application/json");
    xhr.withCredentials = true;
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => (xhr.status >= 200 && xhr.status < 300 ? resolve(JSON.parse(xhr.responseText) as BotDocument) : void xhrError(xhr).then(reject));
    xhr.onerror = () => reject(new ApiError(0, "NETWORK_ERROR", "Network error"));
    xhr.onabort = () => reject(new DOMException("Aborted", "AbortError"));
    signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}

/**
 * Ingestion progress patches the document's row in place (other document changes arrive as "bot.changed", which the
 * builder's useLiveBot handles).
 */
export function useLiveKnowledge() {
  const qc = useQueryClient();
  useRealtimeEvent<{ documentId: string; status: BotDocument["status"]; progress: number }>("bot.document_progress", (e) => {
    let known = false;
    qc.setQueryData<{ data: BotDocument[] }>(knowledgeKeys.documents, (old) => {
      if (!old) return old;
      return {
        data: old.data.map((d) => {
          if (d.id !== e.documentId) return d;
          known = true;
          return { ...d, status: e.status, progress: e.progress };
        }),
      };
    });
    // Final states carry chunk and page counts the event does not: read them.
    if (!known || e.status === "READY" || e.status === "FAILED") void qc.invalidateQueries({ queryKey: knowledgeKeys.documents });
  });
}
