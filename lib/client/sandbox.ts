"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { createSandboxCustomer, getSandboxThread, listSandboxCustomers, sendSandboxCustomerMessage, uploadSandboxMedia } from "@/lib/api/contracts/sandbox";
import { useRealtimeEvent } from "@/lib/realtime/use-realtime";
import { api, type BodyOf, type ResponseOf } from "./api";

export type SandboxCustomers = ResponseOf<typeof listSandboxCustomers>;
export type SandboxCustomer = SandboxCustomers["data"][number];
export type SandboxThread = ResponseOf<typeof getSandboxThread>;
export type SandboxMessage = SandboxThread["messages"][number];
export type CustomerMessageInput = BodyOf<typeof sendSandboxCustomerMessage>;

const sandboxKeys = {
  all: ["sandbox"] as const,
  customers: ["sandbox", "customers"] as const,
  thread: (id: string) => ["sandbox", "thread", id] as const,
};

export function useSandboxCustomers() {
  return useQuery({
    queryKey: sandboxKeys.customers,
    queryFn: ({ signal }) => api<SandboxCustomers>("/sandbox/customers", { signal }),
    // Previews and order follow the conversations; a slow poll backs up the realtime events.
    refetchInterval: 15_000,
    refetchIntervalInBackground: false,
  });
}

/**
 * The customer's thread. Messages and their ticks arrive by realtime events; read receipts and "typing…" of the
 * business have no event of their own, so an open thread is also polled every few seconds.
 */
export function useSandboxThread(customerId: string | null) {
  return useQuery({
    queryKey: sandboxKeys.thread(customerId ?? "none"),
    queryFn: ({ signal }) => api<SandboxThread>(`/sandbox/customers/${customerId}/thread`, { signal }),
    enabled: Boolean(customerId),
    refetchInterval: 4000,
    refetchIntervalInBackground: false,
  });
}

/** Any message or conversation change of the org may be this customer's: refetching one thread is cheap. */
export function useSandboxLiveUpdates() {
  const qc = useQueryClient();
  const refresh = () => void qc.invalidateQueries({ queryKey: sandboxKeys.all });
  useRealtimeEvent("message.created", refresh);
  useRealtimeEvent("message.updated", refresh);
  useRealtimeEvent("conversation.created", refresh);
}

export function useCreateSandboxCustomer() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof createSandboxCustomer>) => api<ResponseOf<typeof createSandboxCustomer>>("/sandbox/customers", { method: "POST", body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: sandboxKeys.customers }),
  });
}

export function useSendAsCustomer(customerId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CustomerMessageInput) =>
      api<ResponseOf<typeof sendSandboxCustomerMessage>>(`/sandbox/customers/${customerId}/messages`, { method: "POST", body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: sandboxKeys.all }),
  });
}

export function useUploadSandboxMedia() {
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.set("file", file);
      return api<ResponseOf<typeof uploadSandboxMedia>>("/sandbox/media", { method: "POST", form });
    },
  });
}
