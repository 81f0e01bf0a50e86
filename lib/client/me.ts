"use client";

import { createContext, useContext } from "react";
import { useQuery } from "@tanstack/react-query";
import type { me } from "@/lib/api/contracts/auth";
import type { Permission } from "@/lib/api/permissions";
import { api, type ResponseOf } from "./api";
import { keys } from "./keys";

export type Me = ResponseOf<typeof me>;

/** The signed-in shell renders with the server's copy of /auth/me, so the first paint needs no request. */
export const InitialMeContext = createContext<Me | null>(null);

export function useMe() {
  const initial = useContext(InitialMeContext);
  const query = useQuery({ queryKey: keys.me, queryFn: () => api<Me>("/auth/me"), initialData: initial ?? undefined });
  if (!query.data) throw new Error("useMe() is only available inside the signed-in shell");
  return query.data;
}

export function useCan(permission: Permission) {
  return useMe().permissions.includes(permission);
}
