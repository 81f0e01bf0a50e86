"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { botTemplateSchema, snapshotSchema } from "@/lib/api/contracts/bot-schemas";
import type { importResultSchema, restoreSnapshot } from "@/lib/api/contracts/bot-library";
import type { qualityMetrics, sessionMetrics, traceDetail, traceMetrics } from "@/lib/api/contracts/bot-metrics";
import { api, toApiError, type ResponseOf } from "./api";

export type Snapshot = z.infer<typeof snapshotSchema>;
export type BotTemplate = z.infer<typeof botTemplateSchema>;
export type ExportTier = "config" | "standard" | "full";
export type ImportResult = z.infer<typeof importResultSchema>;
export type QualityMetrics = ResponseOf<typeof qualityMetrics>;
export type SessionPage = ResponseOf<typeof sessionMetrics>;
export type BotSession = SessionPage["data"][number];
export type ClosureType = NonNullable<BotSession["closureType"]>;
export type TracePage = ResponseOf<typeof traceMetrics>;
export type TraceSummary = TracePage["data"][number];
export type TraceDetail = ResponseOf<typeof traceDetail>;

/** The traces endpoint looks back 30 days at most. */
export const TRACE_MAX_DAYS = 30;

const cfg = (configId: string | null) => (configId ? { configId } : undefined);

export const libraryKeys = {
  allSnapshots: ["bot-library", "snapshots"] as const,
  snapshots: (configId: string | null) => ["bot-library", "snapshots", configId ?? "active"] as const,
  templates: ["bot-library", "templates"] as const,
  allQuality: ["bot-library", "metrics", "quality"] as const,
  quality: (days: number) => ["bot-library", "metrics", "quality", days] as const,
  sessions: (params: object) => ["bot-library", "metrics", "sessions", params] as const,
  traces: (params: object) => ["bot-library", "metrics", "traces", params] as const,
  trace: (traceId: string) => ["bot-library", "metrics", "trace", traceId] as const,
};

// ---- snapshots -----------------------------------------------------------------------------------------------------

export function useSnapshots(configId: string | null) {
  return useQuery({
    queryKey: libraryKeys.snapshots(configId),
    queryFn: ({ signal }) => api<{ data: Snapshot[] }>("/bot-config/snapshots", { query: cfg(configId), signal }),
    select: (r) => r.data,
  });
}

/**
 * Snapshot writes refetch the snapshots; a restore or an import writes configs and intents too, so the builder's own
 * cache ("bot", lib/client/bot.ts) refetches as well.
 */
function useLibraryMutation<I, O>(fn: (input: I) => Promise<O>, { writesConfigs }: { writesConfigs: boolean }) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => Promise.all([qc.invalidateQueries({ queryKey: libraryKeys.allSnapshots }), writesConfigs && qc.invalidateQueries({ queryKey: ["bot"] })]),
  });
}

export const useCreateSnapshot = () =>
  useLibraryMutation(
    ({ configId, ...body }: { configId: string | null; name: string; note?: string | null }) =>
      api<Snapshot>("/bot-config/snapshots", { method: "POST", body: { ...body, ...cfg(configId) } }),
    { writesConfigs: false },
  );
export const useRestoreSnapshot = () =>
  useLibraryMutation((id: string) => api<ResponseOf<typeof restoreSnapshot>>(`/bot-config/snapshots/${id}/restore`, { method: "POST" }), { writesConfigs: true });
export const useDeleteSnapshot = () => useLibraryMutation((id: string) => api<void>(`/bot-config/snapshots/${id}`, { method: "DELETE" }), { writesConfigs: false });

// ---- export / import -----------------------------------------------------------------------------------------------

/** Downloads the export as a file: the server names it (Content-Disposition), else a name is made up. */
export async function downloadExport(tier: ExportTier, configId: string | null, format: "json" | "zip") {
  const qs = new URLSearchParams({ tier, ...(configId ? { configId } : {}) });
  const res = await fetch(`/api/v1/bot-config/${format === "zip" ? "export-zip" : "export"}?${qs}`, { credentials: "same-origin" });
  if (!res.ok) throw await toApiError(res);
  const name = /filename="?([^";]+)"?/i.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? `bot-${tier}.${format}`;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export const useImportBot = () =>
  useLibraryMutation(
    (file: File) => {
      const form = new FormData();
      form.set("file", file);
      return api<ImportResult>("/bot-config/import", { method: "POST", form });
    },
    { writesConfigs: true },
  );

// ---- templates -----------------------------------------------------------------------------------------------------

export function useBotTemplates() {
  return useQuery({
    queryKey: libraryKeys.templates,
    queryFn: ({ signal }) => api<{ data: BotTemplate[] }>("/bot-templates", { signal }),
    select: (r) => r.data,
    staleTime: 5 * 60_000,
  });
}

export const useImportTemplate = () => useLibraryMutation((id: string) => api<ImportResult>(`/bot-templates/import/${id}`, { method: "POST" }), { writesConfigs: true });

// ---- metrics -------------------------------------------------------------------------------------------------------

export function useQualityMetrics(days: number) {
  return useQuery({
    queryKey: libraryKeys.quality(days),
    queryFn: ({ signal }) => api<QualityMetrics>("/bot-config/metrics/quality", { query: { days }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useBotSessions(params: { days: number; closureType?: ClosureType; page: number; limit: number }) {
  return useQuery({
    queryKey: libraryKeys.sessions(params),
    queryFn: ({ signal }) => api<SessionPage>("/bot-config/metrics/sessions", { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Latest traces, newest first, with the total to page through; `conversationId` keeps one conversation's turns. */
export function useTraces(params: { days: number; page: number; limit: number; conversationId?: string }, enabled = true) {
  const query = { ...params, days: Math.min(params.days, TRACE_MAX_DAYS) };
  return useQuery({
    queryKey: libraryKeys.traces(query),
    queryFn: ({ signal }) => api<TracePage>("/bot-config/metrics/traces", { query, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useTrace(traceId: string | null) {
  return useQuery({
    queryKey: libraryKeys.trace(traceId ?? ""),
    queryFn: ({ signal }) => api<TraceDetail>(`/bot-config/metrics/traces/${traceId}`, { signal }),
    enabled: Boolean(traceId),
    staleTime: Infinity,
  });
}
