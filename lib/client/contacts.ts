"use client";

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { getContact, listContacts, updateContact } from "@/lib/api/contracts/contacts";
import { useRealtimeEvent } from "@/lib/realtime/use-realtime";
import { api, type BodyOf, type ResponseOf } from "./api";

export type Contact = ResponseOf<typeof getContact>;
export type ContactsPage = ResponseOf<typeof listContacts>;

export const contactKeys = {
  all: ["contacts"] as const,
  list: (search: string) => ["contacts", "list", search] as const,
  one: (waId: string) => ["contacts", "one", waId] as const,
};

/** Cursor pages, most recent activity first; `fetchNextPage` loads the next one. */
export function useContacts(search: string, limit = 50) {
  return useInfiniteQuery({
    queryKey: contactKeys.list(search),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => api<ContactsPage>("/contacts", { query: { search: search || undefined, cursor: pageParam ?? undefined, limit }, signal }),
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useContact(waId: string | null) {
  return useQuery({
    queryKey: contactKeys.one(waId ?? ""),
    enabled: Boolean(waId),
    queryFn: ({ signal }) => api<Contact>(`/contacts/${waId}`, { signal }),
  });
}

export function useUpdateContact() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ waId, ...body }: BodyOf<typeof updateContact> & { waId: string }) => api<Contact>(`/contacts/${waId}`, { method: "PATCH", body }),
    onSuccess: (contact) => {
      qc.setQueryData(contactKeys.one(contact.waId), contact);
      void qc.invalidateQueries({ queryKey: contactKeys.all });
    },
  });
}

export function useLiveContacts() {
  const qc = useQueryClient();
  useRealtimeEvent("contact.updated", () => void qc.invalidateQueries({ queryKey: contactKeys.all }));
}
