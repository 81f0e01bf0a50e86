import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import Pusher from "pusher";
import { log } from "@/lib/log";
import { realtimeServerConfig } from "./config";

let client: { pusher: Pusher; key: string } | undefined;

function pusher(): Pusher | null {
  const c = realtimeServerConfig();
  if (!c) return null;
  if (client?.key !== c.key + c.host + c.port) {
    client = {
      key: c.key + c.host + c.port,
      pusher: new Pusher({
        appId: c.appId,
        key: c.key,
        secret: c.secret,
        useTLS: c.useTLS,
        // Workers publish many small events: reusing connections halves the cost of each one.
        agent: c.useTLS ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true }),
        ...(c.host ? { host: c.host, port: c.port } : { cluster: c.cluster ?? "mt1" }),
      }),
    };
  }
  return client.pusher;
}

export const orgChannel = (orgId: number) => `private-org-${orgId}`;
export const userChannel = (userId: number) => `private-user-${userId}`;

/** Small payloads only (ids, status, a version): clients refetch what they need. Pusher caps events at 10 KB. */
export async function publish(channels: string[], event: string, data: Record<string, unknown>) {
  const p = pusher();
  if (!p) return;
  try {
    await p.trigger(channels, event, data);
  } catch (error) {
    // Realtime is best effort: clients resync on reconnect, so a lost push must never fail the operation.
    log.warn("realtime publish failed", { event, channels, error });
  }
}

export function authorizeChannel(socketId: string, channel: string, presence?: { user_id: string; user_info?: Record<string, unknown> }) {
  const p = pusher();
  if (!p) return null;
  return presence ? p.authorizeChannel(socketId, channel, presence) : p.authorizeChannel(socketId, channel);
}
