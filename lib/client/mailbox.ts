"use client";

import { useQuery } from "@tanstack/react-query";
import type { devMailbox } from "@/lib/api/contracts/dev";
import { api, type ResponseOf } from "./api";
import { keys } from "./keys";

export type DevMail = ResponseOf<typeof devMailbox>["data"][number];

/** Polled: the dev mailbox has no realtime events, and a few seconds' delay is fine for reading test mails. */
export function useDevMailbox() {
  return useQuery({
    queryKey: keys.mailbox,
    queryFn: ({ signal }) => api<ResponseOf<typeof devMailbox>>("/dev/mailbox", { query: { limit: 100 }, signal }),
    refetchInterval: 3000,
    refetchIntervalInBackground: false,
  });
}
