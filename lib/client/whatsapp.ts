"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  acknowledgeAlert,
  acknowledgeAllAlerts,
  connectWhatsappAccount,
  connectWhatsappAccountManual,
  countUnreadAlerts,
  getMetaConfig,
  listAccountAlerts,
  listWhatsappAccounts,
  putMetaConfig,
  updateWhatsappAccount,
  whatsappAccountHealth,
} from "@/lib/api/contracts/whatsapp-accounts";
import { useRealtimeEvent } from "@/lib/realtime/use-realtime";
import { api, type BodyOf, type ResponseOf } from "./api";

export type WhatsappAccount = ResponseOf<typeof listWhatsappAccounts>["data"][number];
export type AccountHealth = ResponseOf<typeof whatsappAccountHealth>;
export type MetaConfig = ResponseOf<typeof getMetaConfig>;
export type AccountAlert = ResponseOf<typeof listAccountAlerts>["data"][number];

export const whatsappKeys = {
  all: ["whatsapp"] as const,
  accounts: ["whatsapp", "accounts"] as const,
  health: (id: string) => ["whatsapp", "health", id] as const,
  metaConfig: ["whatsapp", "meta-config"] as const,
  alerts: ["whatsapp", "alerts"] as const,
  alertList: (acknowledged: boolean | undefined) => ["whatsapp", "alerts", "list", acknowledged ?? "all"] as const,
  unread: ["whatsapp", "alerts", "unread"] as const,
};

export function useWhatsappAccounts() {
  return useQuery({
    queryKey: whatsappKeys.accounts,
    queryFn: ({ signal }) => api<ResponseOf<typeof listWhatsappAccounts>>("/whatsapp-accounts", { signal }),
    select: (r) => r.data,
  });
}

/** Health is read live from Meta, so it is fetched when asked for and not cached for long. */
export function useAccountHealth(id: string | null) {
  const qc = useQueryClient();
  return useQuery({
    queryKey: whatsappKeys.health(id ?? ""),
    enabled: Boolean(id),
    staleTime: 0,
    gcTime: 30_000,
    queryFn: async ({ signal }) => {
      const health = await api<AccountHealth>(`/whatsapp-accounts/${id}/health`, { signal });
      // The check refreshes the stored quality and status, and may have raised an alert.
      void qc.invalidateQueries({ queryKey: whatsappKeys.accounts });
      void qc.invalidateQueries({ queryKey: whatsappKeys.alerts });
      return health;
    },
  });
}

function useInvalidate(...queryKeys: readonly (readonly string[])[]) {
  const qc = useQueryClient();
  return () => Promise.all(queryKeys.map((queryKey) => qc.invalidateQueries({ queryKey })));
}

export function useConnectManual() {
  const invalidate = useInvalidate(whatsappKeys.accounts);
  return useMutation({
    mutationFn: (body: BodyOf<typeof connectWhatsappAccountManual>) => api<WhatsappAccount>("/whatsapp-accounts/connect-manual", { method: "POST", body }),
    onSuccess: invalidate,
  });
}

export function useConnectEmbedded() {
  const invalidate = useInvalidate(whatsappKeys.accounts);
  return useMutation({
    mutationFn: (body: BodyOf<typeof connectWhatsappAccount>) => api<WhatsappAccount>("/whatsapp-accounts/connect", { method: "POST", body }),
    onSuccess: invalidate,
  });
}

export function useUpdateAccount() {
  const invalidate = useInvalidate(whatsappKeys.accounts);
  return useMutation({
    mutationFn: ({ id, ...body }: BodyOf<typeof updateWhatsappAccount> & { id: string }) =>
      api<WhatsappAccount>(`/whatsapp-accounts/${id}`, { method: "PATCH", body }),
    onSuccess: invalidate,
  });
}

export function useDeleteAccount() {
  const invalidate = useInvalidate(whatsappKeys.accounts);
  return useMutation({
    mutationFn: (id: string) => api<void>(`/whatsapp-accounts/${id}`, { method: "DELETE" }),
    onSuccess: invalidate,
  });
}

export function useMetaConfig() {
  return useQuery({ queryKey: whatsappKeys.metaConfig, queryFn: ({ signal }) => api<MetaConfig>("/whatsapp-accounts/meta-config", { signal }) });
}

export function useSaveMetaConfig() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof putMetaConfig>) => api<MetaConfig>("/whatsapp-accounts/meta-config", { method: "PUT", body }),
    onSuccess: (config) => qc.setQueryData(whatsappKeys.metaConfig, config),
  });
}

export function useAlerts(acknowledged: boolean | undefined) {
  return useQuery({
    queryKey: whatsappKeys.alertList(acknowledged),
    queryFn: ({ signal }) =>
      api<ResponseOf<typeof listAccountAlerts>>("/whatsapp-accounts/alerts", { query: { acknowledged: acknowledged === undefined ? undefined : String(acknowledged), limit: 50 }, signal }),
  });
}

export function useUnreadAlerts(enabled = true) {
  return useQuery({
    queryKey: whatsappKeys.unread,
    enabled,
    queryFn: ({ signal }) => api<ResponseOf<typeof countUnreadAlerts>>("/whatsapp-accounts/alerts/unread-count", { signal }),
    select: (r) => r.count,
  });
}

export function useAcknowledgeAlert() {
  const invalidate = useInvalidate(whatsappKeys.alerts);
  return useMutation({
    mutationFn: (id: string) => api<ResponseOf<typeof acknowledgeAlert>>(`/whatsapp-accounts/alerts/${id}/acknowledge`, { method: "POST" }),
    onSuccess: invalidate,
  });
}

export function useAcknowledgeAllAlerts() {
  const invalidate = useInvalidate(whatsappKeys.alerts);
  return useMutation({
    mutationFn: () => api<ResponseOf<typeof acknowledgeAllAlerts>>("/whatsapp-accounts/alerts/acknowledge-all", { method: "POST" }),
    onSuccess: invalidate,
  });
}

/** Alerts raised by webhooks or sends, and accounts changed by other admins, refresh the page as they happen. */
export function useLiveWhatsapp() {
  const invalidate = useInvalidate(whatsappKeys.accounts, whatsappKeys.alerts);
  useRealtimeEvent("whatsapp.alert", () => void invalidate());
  useRealtimeEvent("whatsapp.account_updated", () => void invalidate());
}
