"use client";

import { useQueryClient } from "@tanstack/react-query";
import Pusher from "pusher-js";
import { createContext, useEffect, useState, type ReactNode } from "react";
import type { RealtimeClientConfig } from "@/lib/realtime/config";

export type RealtimeState = "connecting" | "connected" | "unavailable" | "disabled";
export const RealtimeContext = createContext<{ pusher: Pusher | null; orgId: string; state: RealtimeState }>({
  pusher: null,
  orgId: "",
  state: "disabled",
});

/**
 * One Pusher connection per signed-in tab. Pusher does not guarantee delivery, so after any reconnect every cached
 * query is invalidated: the screen resyncs with the server instead of trusting the events it may have missed.
 */
export function RealtimeProvider({ config, orgId, children }: { config: RealtimeClientConfig | null; orgId: string; children: ReactNode }) {
  const queryClient = useQueryClient();
  const [pusher, setPusher] = useState<Pusher | null>(null);
  const [state, setState] = useState<RealtimeState>(config ? "connecting" : "disabled");
  const { key, cluster, wsHost, wsPort, forceTLS } = config ?? {};

  useEffect(() => {
    if (!key) return;
    const client = new Pusher(key, {
      cluster: cluster ?? "local",
      wsHost: wsHost ?? window.location.hostname,
      wsPort,
      wssPort: wsPort,
      forceTLS: forceTLS ?? false,
      enabledTransports: ["ws", "wss"],
      disableStats: true,
      channelAuthorization: { endpoint: "/api/pusher/auth", transport: "ajax" },
    });
    let lostConnection = false;
    client.connection.bind("state_change", ({ current }: { current: string }) => {
      if (current === "connected") {
        setState("connected");
        if (lostConnection) void queryClient.invalidateQueries();
        lostConnection = false;
      } else if (current === "unavailable" || current === "failed" || current === "disconnected") {
        setState("unavailable");
        lostConnection = true;
      } else if (current === "connecting") setState("connecting");
    });
    // The client is an external system created here (never during server rendering), so exposing it is a state update.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setPusher(client);
    return () => {
      client.disconnect();
      setPusher(null);
    };
  }, [key, cluster, wsHost, wsPort, forceTLS, queryClient]);

  return <RealtimeContext.Provider value={{ pusher, orgId, state }}>{children}</RealtimeContext.Provider>;
}
