/**
 * Embedded Pusher Channels (protocol v7) server used when no real Pusher app is configured.
 * It speaks just enough of the protocol for the official `pusher` SDK and `pusher-js` client
 * to work unchanged, so the app code never knows whether it talks to Pusher or to this.
 */
import { createHash, createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { WebSocketServer, WebSocket } from 'ws';

export interface PusherServerOptions {
  appId: string;
  key: string;
  secret: string;
  host?: string;
  port: number;
  log?: (msg: string) => void;
}

// Pusher's documented production limits; enforcing them here surfaces violations in dev, not in prod.
const MAX_EVENT_BYTES = 10 * 1024;
const MAX_CHANNELS = 100;
const MAX_BATCH = 10;
const MAX_BODY_BYTES = 1024 * 1024;
const TIMESTAMP_SKEW_S = 600;
const ACTIVITY_TIMEOUT_S = 120;
const CHANNEL_NAME = /^[A-Za-z0-9_\-=@,.;]{1,164}$/;

interface Client { ws: WebSocket; socketId: string; channels: Map<string, string | undefined> } // channel -> user_id
interface Member { info: unknown; sockets: number }
interface Channel { sockets: Set<Client>; members: Map<string, Member> }
interface ApiEvent { name?: unknown; data?: unknown; channel?: unknown; channels?: unknown; socket_id?: unknown }

const hmac = (secret: string, data: string) => createHmac('sha256', secret).update(data).digest('hex');

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

class HttpError extends Error {
  constructor(readonly status: number, message: string) { super(message); }
}

export async function startPusherServer(opts: PusherServerOptions): Promise<{ port: number; close(): Promise<void> }> {
  const log = opts.log ?? (() => {});
  const channels = new Map<string, Channel>();
  const wss = new WebSocketServer({ noServer: true });

  const send = (c: Client, msg: object) => c.ws.readyState === WebSocket.OPEN && c.ws.send(JSON.stringify(msg));

  function broadcast(channel: string, event: string, data: unknown, except?: Client | string, userId?: string) {
    const msg = JSON.stringify(userId ? { event, channel, data, user_id: userId } : { event, channel, data });
    for (const c of channels.get(channel)?.sockets ?? []) {
      if (c !== except && c.socketId !== except && c.ws.readyState === WebSocket.OPEN) c.ws.send(msg);
    }
  }

  function subscribe(c: Client, data: { channel?: unknown; auth?: unknown; channel_data?: unknown }) {
    const name = String(data?.channel ?? '');
    const fail = (status: number, type: string, error: string) =>
      send(c, { event: 'pusher:subscription_error', channel: name, data: { type, error, status } });
    if (!CHANNEL_NAME.test(name)) return fail(400, 'InvalidChannel', 'Invalid channel name');
    if (c.channels.has(name)) return; // resubscribe is a no-op, like Pusher
    const isPresence = name.startsWith('presence-');
    let userId: string | undefined;
    let info: unknown;
    if (isPresence || name.startsWith('private-')) {
      const channelData = typeof data.channel_data === 'string' ? data.channel_data : undefined;
      const toSign = [c.socketId, name, ...(isPresence ? [channelData ?? ''] : [])].join(':');
      if (typeof data.auth !== 'string' || !safeEqual(data.auth, `${opts.key}:${hmac(opts.secret, toSign)}`)) {
        return fail(401, 'AuthError', 'Invalid signature');
      }
      if (isPresence) {
        try {
          const parsed = JSON.parse(channelData ?? '');
          userId = parsed.user_id == null ? undefined : String(parsed.user_id);
          info = parsed.user_info;
        } catch { /* handled below */ }
        if (!userId) return fail(400, 'AuthError', 'channel_data must contain user_id');
      }
    }
    const ch = channels.get(name) ?? { sockets: new Set<Client>(), members: new Map<string, Member>() };
    channels.set(name, ch);
    ch.sockets.add(c);
    c.channels.set(name, userId);
    if (!isPresence || !userId) return send(c, { event: 'pusher_internal:subscription_succeeded', channel: name, data: '{}' });
    // One user may have several tabs open; other members should see them join once and leave once.
    const member = ch.members.get(userId);
    if (member) member.sockets++;
    else {
      ch.members.set(userId, { info, sockets: 1 });
      broadcast(name, 'pusher_internal:member_added', JSON.stringify({ user_id: userId, user_info: info }), c);
    }
    const hash = Object.fromEntries([...ch.members].map(([id, m]) => [id, m.info ?? null]));
    const presence = { ids: Object.keys(hash), hash, count: ch.members.size };
    send(c, { event: 'pusher_internal:subscription_succeeded', channel: name, data: JSON.stringify({ presence }) });
  }

  function unsubscribe(c: Client, name: string) {
    const ch = channels.get(name);
    if (!ch || !c.channels.has(name)) return;
    const userId = c.channels.get(name);
    c.channels.delete(name);
    ch.sockets.delete(c);
    const member = userId ? ch.members.get(userId) : undefined;
    if (userId && member && --member.sockets === 0) {
      ch.members.delete(userId);
      broadcast(name, 'pusher_internal:member_removed', JSON.stringify({ user_id: userId }));
    }
    if (ch.sockets.size === 0) channels.delete(name);
  }

  function onMessage(c: Client, raw: string) {
    let msg: { event?: unknown; channel?: unknown; data?: unknown };
    try { msg = JSON.parse(raw); } catch { return send(c, { event: 'pusher:error', data: { code: null, message: 'Invalid JSON' } }); }
    const event = String(msg.event ?? '');
    const channel = typeof msg.channel === 'string' ? msg.channel : '';
    if (event === 'pusher:ping') return send(c, { event: 'pusher:pong', data: '{}' });
    if (event === 'pusher:subscribe' || event === 'pusher:unsubscribe') {
      // Older clients send data as a JSON string, current ones as an object.
      const data = (typeof msg.data === 'string' ? JSON.parse(msg.data) : msg.data ?? {}) as Record<string, unknown>;
      return event === 'pusher:subscribe' ? subscribe(c, data) : unsubscribe(c, String(data.channel ?? ''));
    }
    if (!event.startsWith('client-')) return;
    // Client events are only trusted on authenticated channels the sender actually joined.
    if (!(channel.startsWith('private-') || channel.startsWith('presence-')) || !c.channels.has(channel)) {
      return send(c, { event: 'pusher:error', data: { code: null, message: `Client event rejected on ${channel}` } });
    }
    if (Buffer.byteLength(JSON.stringify(msg.data ?? null)) > MAX_EVENT_BYTES) {
      return send(c, { event: 'pusher:error', data: { code: null, message: 'Client event too large' } });
    }
    broadcast(channel, event, msg.data, c, c.channels.get(channel));
  }

  function verify(req: IncomingMessage, url: URL, body: string) {
    const q = url.searchParams;
    const ts = Number(q.get('auth_timestamp'));
    if (q.get('auth_key') !== opts.key) throw new HttpError(401, 'Unknown auth_key');
    if (!Number.isFinite(ts) || Math.abs(Date.now() / 1000 - ts) > TIMESTAMP_SKEW_S) throw new HttpError(401, 'Timestamp expired');
    if (q.get('auth_version') !== '1.0') throw new HttpError(401, 'Unsupported auth_version');
    if (body && q.get('body_md5') !== createHash('md5').update(body, 'utf8').digest('hex')) throw new HttpError(401, 'body_md5 mismatch');
    // Same canonical form as the SDK: decoded key=value pairs sorted by key, signature excluded.
    const query = [...q].filter(([k]) => k !== 'auth_signature').sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${k}=${v}`).join('&');
    const expected = hmac(opts.secret, `${req.method}\n${url.pathname}\n${query}`);
    if (!safeEqual(q.get('auth_signature') ?? '', expected)) throw new HttpError(401, 'Invalid signature');
  }

  function trigger(e: ApiEvent) {
    if (typeof e !== 'object' || e === null) throw new HttpError(400, 'Invalid event');
    const targets = Array.isArray(e.channels) ? e.channels : e.channel !== undefined ? [e.channel] : [];
    if (typeof e.name !== 'string' || !e.name || e.name.length > 200) throw new HttpError(400, 'Invalid event name');
    if (targets.length === 0 || !targets.every((t) => typeof t === 'string' && CHANNEL_NAME.test(t))) throw new HttpError(400, 'Invalid channels');
    if (targets.length > MAX_CHANNELS) throw new HttpError(400, `At most ${MAX_CHANNELS} channels per event`);
    const data = typeof e.data === 'string' ? e.data : JSON.stringify(e.data ?? null);
    if (Buffer.byteLength(data) > MAX_EVENT_BYTES) throw new HttpError(413, 'Event data exceeds 10 KB');
    return () => {
      for (const t of targets as string[]) broadcast(t, e.name as string, data, typeof e.socket_id === 'string' ? e.socket_id : undefined);
    };
  }

  async function handleHttp(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'GET' && url.pathname === '/health') return res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    const prefix = `/apps/${opts.appId}/`;
    if (!url.pathname.startsWith(prefix)) throw new HttpError(404, 'Not found');
    const route = `${req.method} ${url.pathname.slice(prefix.length)}`;
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      if ((size += chunk.length) > MAX_BODY_BYTES) throw new HttpError(413, 'Request body too large');
      chunks.push(chunk);
    }
    const body = Buffer.concat(chunks).toString('utf8');
    verify(req, url, body);
    const json = (status: number, payload: unknown) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
    let parsed: { batch?: unknown } & ApiEvent = {};
    try { parsed = body ? JSON.parse(body) : {}; } catch { throw new HttpError(400, 'Invalid JSON body'); }

    if (route === 'POST events') {
      trigger(parsed)();
      return json(200, {});
    }
    if (route === 'POST batch_events') {
      if (!Array.isArray(parsed.batch)) throw new HttpError(400, 'batch must be an array');
      if (parsed.batch.length > MAX_BATCH) throw new HttpError(400, `At most ${MAX_BATCH} events per batch`);
      // Validate all events before delivering any, so a rejected batch has no partial effect.
      parsed.batch.map((e: ApiEvent) => trigger(e)).forEach((deliver) => deliver());
      return json(200, { batch: parsed.batch.map(() => ({})) });
    }
    if (route === 'GET channels') {
      const prefixFilter = url.searchParams.get('filter_by_prefix') ?? '';
      const wantUsers = (url.searchParams.get('info') ?? '').split(',').includes('user_count');
      const list = [...channels].filter(([name]) => name.startsWith(prefixFilter))
        .map(([name, ch]) => [name, wantUsers && name.startsWith('presence-') ? { user_count: ch.members.size } : {}]);
      return json(200, { channels: Object.fromEntries(list) });
    }
    const single = /^GET channels\/([^/]+)$/.exec(route);
    if (single) {
      const ch = channels.get(decodeURIComponent(single[1]));
      const count = ch?.sockets.size ?? 0;
      return json(200, { occupied: count > 0, subscription_count: count, ...(ch?.members.size ? { user_count: ch.members.size } : {}) });
    }
    throw new HttpError(404, 'Not found');
  }

  const server = createServer((req, res) => {
    handleHttp(req, res).catch((err: unknown) => {
      const status = err instanceof HttpError ? err.status : 500;
      if (status === 500) log(`pusher-server: ${err instanceof Error ? err.stack : String(err)}`);
      if (!res.headersSent) res.writeHead(status, { 'content-type': 'text/plain', connection: 'close' }).end(err instanceof Error ? err.message : 'Error');
    });
  });

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = /^\/app\/([^/]+)$/.exec(url.pathname);
    if (!match) return socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
    wss.handleUpgrade(req, socket, head, (ws) => {
      // Errors travel over the socket (then a 4xxx close) so pusher-js knows not to reconnect.
      const reject = (code: number, message: string) => {
        ws.send(JSON.stringify({ event: 'pusher:error', data: { code, message } }));
        ws.close(code, message);
      };
      if (decodeURIComponent(match[1]) !== opts.key) return reject(4001, `App key ${match[1]} not in this cluster`);
      if (Number(url.searchParams.get('protocol')) < 5) return reject(4007, 'Unsupported protocol version');
      const client: Client = { ws, socketId: `${randomInt(1e9)}.${randomInt(1e9)}`, channels: new Map() };
      ws.on('message', (raw) => {
        try { onMessage(client, raw.toString()); } catch (err) { log(`pusher-server: bad message: ${String(err)}`); }
      });
      ws.on('close', () => {
        for (const name of [...client.channels.keys()]) unsubscribe(client, name);
      });
      ws.on('error', (err) => log(`pusher-server: socket error: ${err.message}`));
      send(client, {
        event: 'pusher:connection_established',
        data: JSON.stringify({ socket_id: client.socketId, activity_timeout: ACTIVITY_TIMEOUT_S }),
      });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '127.0.0.1', () => { server.off('error', reject); resolve(); });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  log(`pusher-server: listening on ${opts.host ?? '127.0.0.1'}:${port} (app ${opts.appId})`);

  return {
    port,
    async close() {
      // Stop listening first so clients reconnecting on 4200 (right for a dev restart) can't slip back in;
      // server.close() resolves only once the upgraded sockets are gone too. Stragglers are cut after 1 s.
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await Promise.all([...wss.clients].map((ws) => new Promise<void>((resolve) => {
        if (ws.readyState === WebSocket.CLOSED) return resolve();
        ws.once('close', () => resolve());
        ws.close(4200, 'Server shutting down');
        setTimeout(() => { ws.terminate(); resolve(); }, 1000).unref();
      })));
      wss.close();
      await stopped;
    },
  };
}
