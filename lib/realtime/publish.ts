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

type Pending = { channel: string; name: string; data: Record<string, unknown>; key: string | null; done: Array<() => void> };

/** Pusher's limit of events per batch call. */
const BATCH_MAX = 10;
let queue: Pending[] = [];
let byKey = new Map<string, Pending>();
let scheduled = false;

/**
 * Small payloads only (ids, status, a version): clients refetch what they need. Pusher caps events at 10 KB.
 * Events published in the same turn of the event loop go out together through the batch API (10 per request), and an
 * event with a `coalesceKey` replaces a queued one of the same channel, name and key: a drain that touches one
 * conversation fifty times pushes one "conversation.updated", not fifty. Resolves once the event went out (or failed).
 */
export function publish(channels: string[], event: string, data: Record<string, unknown>, opts: { coalesceKey?: string } = {}): Promise<void> {
  if (!pusher()) return Promise.resolve();
  return new Promise((resolve) => {
    for (const channel of channels) {
      const key = opts.coalesceKey === undefined ? null : `${channel}\n${event}\n${opts.coalesceKey}`;
      const same = key === null ? undefined : byKey.get(key);
      if (same) {
        same.data = data;
        same.done.push(resolve);
        continue;
      }
      const pending: Pending = { channel, name: event, data, key, done: [resolve] };
      queue.push(pending);
      if (key !== null) byKey.set(key, pending);
    }
    if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  });
}

function flush() {
  scheduled = false;
  const p = pusher();
  const events = queue;
  queue = [];
  byKey = new Map();
  for (let i = 0; i < events.length; i += BATCH_MAX) {
    const batch = events.slice(i, i + BATCH_MAX);
    const sent = p ? p.triggerBatch(batch.map(({ channel, name, data }) => ({ channel, name, data }))) : Promise.resolve();
    void sent
      // Realtime is best effort: clients resync on reconnect, so a lost push must never fail the operation.
      .catch((error: unknown) => log.warn("realtime publish failed", { events: batch.map((e) => `${e.channel} ${e.name}`), error }))
      .finally(() => batch.forEach((e) => e.done.forEach((d) => d())));
  }
}

export function authorizeChannel(socketId: string, channel: string, presence?: { user_id: string; user_info?: Record<string, unknown> }) {
  const p = pusher();
  if (!p) return null;
  return presence ? p.authorizeChannel(socketId, channel, presence) : p.authorizeChannel(socketId, channel);
}
