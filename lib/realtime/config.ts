import { env } from "@/lib/env";

export type RealtimeServerConfig = { appId: string; key: string; secret: string; host?: string; port?: string; cluster?: string; useTLS: boolean };
export type RealtimeClientConfig = { key: string; cluster: string; wsHost?: string; wsPort?: number; forceTLS: boolean };

/** null when no Pusher-protocol server is configured (the launcher always configures the embedded one). */
export function realtimeServerConfig(): RealtimeServerConfig | null {
  const e = env();
  if (!e.PUSHER_APP_ID || !e.PUSHER_KEY || !e.PUSHER_SECRET) return null;
  return {
    appId: e.PUSHER_APP_ID,
    key: e.PUSHER_KEY,
    secret: e.PUSHER_SECRET,
    host: e.PUSHER_HOST,
    port: e.PUSHER_PORT,
    cluster: e.PUSHER_CLUSTER,
    useTLS: e.PUSHER_USE_TLS ? e.PUSHER_USE_TLS === "true" : !e.PUSHER_HOST,
  };
}

/** What the browser needs to connect; handed to the client by the server layout, so nothing is baked into the build. */
export function realtimeClientConfig(): RealtimeClientConfig | null {
  const c = realtimeServerConfig();
  if (!c) return null;
  const e = env();
  const host = e.PUSHER_PUBLIC_HOST ?? c.host;
  const port = e.PUSHER_PUBLIC_PORT ?? c.port;
  return {
    key: c.key,
    cluster: c.cluster ?? "local",
    wsHost: host,
    wsPort: port ? Number(port) : undefined,
    forceTLS: c.useTLS,
  };
}
