import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { isApiError } from "./api";

/** A 401 on a read means the session ended (signed out elsewhere, password changed): back to the login page. */
function onAuthLost(error: unknown) {
  if (typeof window === "undefined" || !isApiError(error) || error.status !== 401) return;
  const next = window.location.pathname + window.location.search;
  // Outside React (no router here), and a full load drops every cached answer of the ended session.
  // eslint-disable-next-line @next/next/no-location-assign-relative-destination
  window.location.assign(`/login?next=${encodeURIComponent(next)}&expired=1`);
}

export function makeQueryClient() {
  return new QueryClient({
    queryCache: new QueryCache({ onError: onAuthLost }),
    mutationCache: new MutationCache(),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: true,
        // Client errors (validation, permission, not found) will not fix themselves on retry.
        retry: (count, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 2,
      },
      mutations: { retry: false },
    },
  });
}
