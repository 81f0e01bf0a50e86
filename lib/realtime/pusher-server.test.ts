import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import PusherServer from 'pusher';
import PusherClient, { type Channel, type PresenceChannel } from 'pusher-js';
import { startPusherServer } from './pusher-server';

const appId = '1';
const key = 'test-key';
const secret = 'test-secret';
const WAIT_MS = 3000;

let server: Awaited<ReturnType<typeof startPusherServer>>;
let api: PusherServer;
const clients: PusherClient[] = [];

beforeAll(async () => {
  server = await startPusherServer({ appId, key, secret, port: 0 });
  api = new PusherServer({ appId, key, secret, host: '127.0.0.1', port: String(server.port), useTLS: false });
});

afterEach(() => {
  while (clients.length) clients.pop()!.disconnect();
});

afterAll(async () => {
  await server.close();
});

/** A pusher-js client whose channel auth is signed by `signer` (the real server SDK by default). */
function connect(opts: { user?: { user_id: string; user_info?: Record<string, unknown> }; signer?: PusherServer } = {}) {
  const signer = opts.signer ?? api;
  const client = new PusherClient(key, {
    cluster: 'local',
    wsHost: '127.0.0.1',
    wsPort: server.port,
    forceTLS: false,
    enabledTransports: ['ws'],
    channelAuthorization: {
      endpoint: '/unused',
      transport: 'ajax',
      customHandler: ({ socketId, channelName }, callback) => {
        const presence = channelName.startsWith('presence-') ? opts.user : undefined;
        callback(null, signer.authorizeChannel(socketId, channelName, presence));
      },
    },
  });
  clients.push(client);
  return client;
}

function waitFor<T = unknown>(target: { bind(event: string, cb: (data: T) => void): unknown }, event: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${event}`)), WAIT_MS);
    target.bind(event, (data: T) => {
      clearTimeout(timer);
      resolve(data);
    });
  });
}

async function subscribed<C extends Channel = Channel>(client: PusherClient, name: string): Promise<C> {
  const channel = client.subscribe(name) as C;
  await waitFor(channel, 'pusher:subscription_succeeded');
  return channel;
}

/** The SDK validates limits client-side, so limit checks on the server need a hand-built signed request. */
function signedPost(path: string, payload: unknown) {
  const body = JSON.stringify(payload);
  const fullPath = `/apps/${appId}${path}`;
  const query = api.createSignedQueryString({ method: 'POST', path: fullPath, body });
  return fetch(`http://127.0.0.1:${server.port}${fullPath}?${query}`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
}

const socketId = (client: PusherClient) => client.connection.socket_id;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('embedded pusher server', () => {
  it('serves /health and hands out socket ids', async () => {
    const res = await fetch(`http://127.0.0.1:${server.port}/health`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('ok');
    const client = connect();
    await waitFor(client.connection, 'connected');
    expect(socketId(client)).toMatch(/^\d+\.\d+$/);
  });

  it('delivers triggered events on public channels', async () => {
    const channel = await subscribed(connect(), 'inbox');
    const got = waitFor(channel, 'message.created');
    await api.trigger('inbox', 'message.created', { id: 42 });
    expect(await got).toEqual({ id: 42 });
  });

  it('delivers on private channels with valid auth', async () => {
    const channel = await subscribed(connect(), 'private-ticket-1');
    const got = waitFor(channel, 'updated');
    await api.trigger(['private-ticket-1', 'unrelated'], 'updated', { status: 'open' });
    expect(await got).toEqual({ status: 'open' });
  });

  it('rejects private subscriptions signed with the wrong secret', async () => {
    const forger = new PusherServer({ appId, key, secret: 'wrong', host: '127.0.0.1', port: '1', useTLS: false });
    const channel = connect({ signer: forger }).subscribe('private-ticket-2');
    const error = await waitFor<{ type: string; status: number }>(channel, 'pusher:subscription_error');
    expect(error).toMatchObject({ type: 'AuthError', status: 401 });
    expect(channel.subscribed).toBe(false);
  });

  it('tracks presence members, counting one user on two sockets once', async () => {
    const alice = await subscribed<PresenceChannel>(connect({ user: { user_id: 'alice', user_info: { name: 'Alice' } } }), 'presence-team');
    expect(alice.members.count).toBe(1);

    const added = waitFor<{ id: string; info: unknown }>(alice, 'pusher:member_added');
    const bobClient = connect({ user: { user_id: 'bob', user_info: { name: 'Bob' } } });
    const bob = await subscribed<PresenceChannel>(bobClient, 'presence-team');
    expect(await added).toEqual({ id: 'bob', info: { name: 'Bob' } });
    expect(bob.members.count).toBe(2);
    expect(bob.members.get('alice')).toEqual({ id: 'alice', info: { name: 'Alice' } });

    // A second tab for alice: no member_added for bob, count stays 2.
    let spurious = 0;
    bob.bind('pusher:member_added', () => spurious++);
    const aliceTab2 = await subscribed<PresenceChannel>(connect({ user: { user_id: 'alice' } }), 'presence-team');
    expect(aliceTab2.members.count).toBe(2);

    const removed = waitFor<{ id: string }>(alice, 'pusher:member_removed');
    bobClient.disconnect();
    expect((await removed).id).toBe('bob');
    expect(alice.members.count).toBe(1);
    expect(spurious).toBe(0);

    const occupancy = await api.get({ path: '/channels/presence-team', params: { info: 'subscription_count,user_count' } });
    expect(await occupancy.json()).toEqual({ occupied: true, subscription_count: 2, user_count: 1 });
  });

  it('relays client events to other subscribers but not the sender', async () => {
    const sender = await subscribed<PresenceChannel>(connect({ user: { user_id: 'u1' } }), 'presence-chat');
    const receiver = await subscribed<PresenceChannel>(connect({ user: { user_id: 'u2' } }), 'presence-chat');
    let echoed = false;
    sender.bind('client-typing', () => (echoed = true));
    const got = new Promise<{ data: unknown; userId?: string }>((resolve) =>
      receiver.bind('client-typing', (data: unknown, meta: { user_id?: string }) => resolve({ data, userId: meta?.user_id })),
    );
    expect(sender.trigger('client-typing', { typing: true })).toBe(true);
    expect(await got).toEqual({ data: { typing: true }, userId: 'u1' });
    await sleep(100);
    expect(echoed).toBe(false);
  });

  it('does not relay client events on public channels', async () => {
    const a = await subscribed(connect(), 'public-room');
    const b = await subscribed(connect(), 'public-room');
    let relayed = false;
    b.bind('client-hi', () => (relayed = true));
    a.trigger('client-hi', {});
    await sleep(200);
    expect(relayed).toBe(false);
  });

  it('delivers batch triggers', async () => {
    const client = connect();
    const [one, two] = await Promise.all([subscribed(client, 'batch-1'), subscribed(client, 'private-batch-2')]);
    const got = Promise.all([waitFor(one, 'e1'), waitFor(two, 'e2')]);
    const res = await api.triggerBatch([
      { channel: 'batch-1', name: 'e1', data: { n: 1 } },
      { channel: 'private-batch-2', name: 'e2', data: 'plain text' },
    ]);
    expect(res.status).toBe(200);
    expect(await got).toEqual([{ n: 1 }, 'plain text']);
  });

  it('excludes the socket_id passed to trigger', async () => {
    const origin = connect();
    const other = connect();
    const [a, b] = await Promise.all([subscribed(origin, 'excl'), subscribed(other, 'excl')]);
    let originGot = false;
    a.bind('ping', () => (originGot = true));
    const got = waitFor(b, 'ping');
    await api.trigger('excl', 'ping', {}, { socket_id: socketId(origin) });
    await got;
    await sleep(100);
    expect(originGot).toBe(false);
  });

  it('lists occupied channels', async () => {
    await subscribed(connect(), 'listed-a');
    const res = await api.get({ path: '/channels', params: { filter_by_prefix: 'listed-' } });
    expect(await res.json()).toEqual({ channels: { 'listed-a': {} } });
    const empty = await api.get({ path: '/channels/nobody-here' });
    expect(await empty.json()).toEqual({ occupied: false, subscription_count: 0 });
  });

  it('rejects a bad HTTP signature with 401', async () => {
    const forger = new PusherServer({ appId, key, secret: 'wrong', host: '127.0.0.1', port: String(server.port), useTLS: false });
    await expect(forger.trigger('inbox', 'x', {})).rejects.toMatchObject({ status: 401 });
    const stale = `http://127.0.0.1:${server.port}/apps/${appId}/channels?auth_key=${key}&auth_timestamp=1&auth_version=1.0&auth_signature=00`;
    expect((await fetch(stale)).status).toBe(401);
  });

  it('enforces Pusher limits: 413 over 10 KB, 400 over 100 channels or 10 batch events', async () => {
    await expect(api.trigger('inbox', 'big', 'x'.repeat(10 * 1024 + 1))).rejects.toMatchObject({ status: 413 });
    await expect(api.trigger('inbox', 'fits', 'x'.repeat(10 * 1024))).resolves.toMatchObject({ status: 200 });
    const tooMany = Array.from({ length: 101 }, (_, i) => `c${i}`);
    const res = await signedPost('/events', { name: 'x', data: '{}', channels: tooMany });
    expect(res.status).toBe(400);
    const batch = Array.from({ length: 11 }, () => ({ channel: 'inbox', name: 'x', data: {} }));
    await expect(api.triggerBatch(batch)).rejects.toMatchObject({ status: 400 });
  });

  it('rejects an unknown app key with pusher:error 4001', async () => {
    const client = new PusherClient('nope', { cluster: 'local', wsHost: '127.0.0.1', wsPort: server.port, forceTLS: false, enabledTransports: ['ws'] });
    clients.push(client);
    // 4000-4099 tells pusher-js not to retry, so it settles in "disconnected".
    const disconnected = waitFor(client.connection, 'disconnected');
    const error = await waitFor<{ error: { type: string; data: { code: number } } }>(client.connection, 'error');
    expect(error.error).toMatchObject({ type: 'PusherError', data: { code: 4001 } });
    await disconnected;
  });

  it('closes promptly while clients are still connected', async () => {
    const other = await startPusherServer({ appId, key, secret, port: 0 });
    const client = new PusherClient(key, { cluster: 'local', wsHost: '127.0.0.1', wsPort: other.port, forceTLS: false, enabledTransports: ['ws'] });
    clients.push(client);
    await waitFor(client.connection, 'connected');
    const started = Date.now();
    await other.close();
    expect(Date.now() - started).toBeLessThan(1500);
    await expect(fetch(`http://127.0.0.1:${other.port}/health`)).rejects.toThrow();
  });
});
