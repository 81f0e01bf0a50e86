/**
 * `npm run bench:webhook` — the inbound WhatsApp pipeline against the production build, on loopback. Prints, from one run:
 *  1. acknowledgement latency p50/p99 of signed webhook POSTs sent open-loop at 500 requests/s (target p99 < 100 ms);
 *  2. the rate at which a backlog of one-message webhooks is fully persisted, from the first POST until the last
 *     message is stored (target ≥ 1,000 messages/s);
 *     Also, for the reading: the rate of the processing alone, on a backlog stored beforehand;
 *  3. the raw single-row INSERT rate of the same database, at the workers' concurrency, so the ratio can be read;
 *  4. every delivery (messages and statuses) replayed three times in shuffled order: duplicate messages and status
 *     downgrades (target 0 and 0).
 * It starts its own server (own ports and data directory) and stops it at the end.
 */
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import http from "node:http";
import { performance } from "node:perf_hooks";
import postgres from "postgres";
import { signPayload } from "../lib/whatsapp/signature";
import { benchServer, buildProduction, pct, sleep } from "./bench-server";

const PORT = 3411;
const PG_PORT = 54361;
const RATE = Number(process.env.BENCH_RATE ?? 500);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const BACKLOG = Number(process.env.BENCH_BACKLOG ?? 20_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);
const CUSTOMERS = 1000;
const WARM_UP = 3000;
const OUTBOUND = 300;
const SECRETS = {
  AUTH_SECRET: randomBytes(32).toString("base64url"),
  ENCRYPTION_KEY: randomBytes(32).toString("hex"),
  META_APP_SECRET: randomBytes(24).toString("hex"),
  META_VERIFY_TOKEN: randomBytes(12).toString("hex"),
};
const PHONE_NUMBER_ID = "bench-phone-number-1";
const WABA_ID = "bench-waba-1";
const server = benchServer({ port: PORT, pgPort: PG_PORT, realtimePort: 6031, dataDir: ".data/bench-webhook", env: SECRETS });

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

/** One signed POST to the webhook; resolves with the HTTP status once the response has been read. */
function post(body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port: PORT,
        path: "/api/webhooks/whatsapp",
        method: "POST",
        agent,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), "x-hub-signature-256": signPayload(body, SECRETS.META_APP_SECRET) },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** Posts every body with at most `concurrency` in flight; throws on any non-200 answer. */
async function postAll(bodies: string[], concurrency = CONCURRENCY) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < bodies.length) {
        const status = await post(bodies[next++]);
        if (status !== 200) throw new Error(`webhook answered ${status}`);
      }
    }),
  );
}

const customer = (i: number) => `52155${String(i % CUSTOMERS).padStart(8, "0")}`;
const unix = () => String(Math.floor(Date.now() / 1000));
const value = (parts: Record<string, unknown>) => ({
  object: "whatsapp_business_account",
  entry: [{ id: WABA_ID, changes: [{ field: "messages", value: { messaging_product: "whatsapp", metadata: { display_phone_number: "+1 555 010 0001", phone_number_id: PHONE_NUMBER_ID }, ...parts } }] }],
});
const inbound = (wamid: string, from: string) =>
  JSON.stringify(value({ contacts: [{ wa_id: from, profile: { name: `Customer ${from.slice(-4)}` } }], messages: [{ from, id: wamid, timestamp: unix(), type: "text", text: { body: `Hola ${wamid}` } }] }));
const statusUpdate = (wamid: string, status: string, to: string) => JSON.stringify(value({ statuses: [{ id: wamid, status, timestamp: unix(), recipient_id: to }] }));

function shuffle<T>(list: T[]) {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
}

type Sql = postgres.Sql;

async function setup(sql: Sql) {
  Object.assign(process.env, SECRETS, { DATABASE_URL: `postgres://postgres:postgres@127.0.0.1:${PG_PORT}/cx_inbox` });
  const { encryptSecret } = await import("../lib/crypto/secrets");
  const [org] = await sql`insert into organizations (name, slug) values ('Bench Webhooks', ${`bench-webhooks-${Date.now()}`}) returning id`;
  const [account] = await sql`
    insert into whatsapp_accounts (org_id, waba_id, phone_number_id, display_phone_number, access_token_encrypted, is_sandbox)
    values (${org.id}, ${WABA_ID}, ${PHONE_NUMBER_ID}, '+1 555 010 0001', ${encryptSecret("bench-token")}, false) returning id`;
  return { orgId: Number(org.id), accountId: Number(account.id) };
}

const countInbound = async (sql: Sql, accountId: number) =>
  Number((await sql`select count(*)::int as n from messages where whatsapp_account_id = ${accountId} and direction = 'INBOUND'`)[0].n);
const pendingEvents = async (sql: Sql) => Number((await sql`select count(*)::int as n from webhook_events where status = 'PENDING'`)[0].n);
const commits = async (sql: Sql) => Number((await sql`select xact_commit::bigint as n from pg_stat_database where datname = current_database()`)[0].n);

/**
 * Waits until `total` inbound messages are stored. Polls the PENDING events first (a few index entries: counting every
 * stored message 20 times a second would take a noticeable share of the database being measured); a drain settles
 * its events only after their messages are committed, so none PENDING means everything posted so far is stored.
 */
async function waitStored(sql: Sql, accountId: number, total: number, what: string, posting: Promise<unknown> = Promise.resolve()) {
  let posted = false;
  void posting.then(() => (posted = true));
  return waitUntil(async () => posted && (await pendingEvents(sql)) === 0 && (await countInbound(sql, accountId)) >= total, 600_000, what);
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, what: string) {
  const until = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
  return performance.now();
}

/** 1. Open loop: request i leaves at t0 + i/RATE whatever happened to the others; latency counts from that moment. */
async function ackLatency(bodies: string[]) {
  const latencies: number[] = [];
  let failed = 0;
  const t0 = performance.now() + 50;
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < bodies.length; i++) {
    const due = t0 + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    inFlight.push(
      post(bodies[i]).then(
        (status) => {
          if (status === 200) latencies.push(performance.now() - due);
          else failed++;
        },
        () => void failed++,
      ),
    );
  }
  await Promise.all(inFlight);
  latencies.sort((a, b) => a - b);
  return { p50: pct(latencies, 50), p99: pct(latencies, 99), max: latencies[latencies.length - 1], failed };
}

/** 3. Autocommit single-row INSERTs into a scratch table, `concurrency` connections, for `ms`. */
async function rawInsertRate(url: string, concurrency: number, ms: number) {
  const sql = postgres(url, { max: concurrency, onnotice: () => {} });
  await sql`create table if not exists bench_scratch (id bigserial primary key, n integer not null, body text, created_at timestamptz not null default now())`;
  let done = 0;
  const until = performance.now() + ms;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, w) => {
      while (performance.now() < until) {
        await sql`insert into bench_scratch (n, body) values (${w}, ${"raw insert"})`;
        done++;
      }
    }),
  );
  await sql`drop table bench_scratch`;
  await sql.end();
  return done / (ms / 1000);
}

const RANK: Record<string, number> = { PENDING: 0, SENT: 1, DELIVERED: 2, READ: 3, FAILED: 4 };

async function main() {
  await buildProduction();
  rmSync(".data/bench-webhook", { recursive: true, force: true });
  server.start();
  await server.waitForReady();
  const url = server.databaseUrl;
  const sql = postgres(url, { max: 2, onnotice: () => {} });
  const { orgId, accountId } = await setup(sql);
  const { CONCURRENCY: WORKER_CONCURRENCY } = await import("../lib/jobs/boss");
  const delivered: string[] = [];

  // 1. acknowledgement latency at RATE requests/s, in a steady state: a warm-up first (the first requests compile,
  // connect and get optimized), fully processed before the clock starts.
  const warm = Array.from({ length: WARM_UP }, (_, i) => inbound(`wamid.bench.warm.${i}`, customer(i)));
  await postAll(warm);
  delivered.push(...warm);
  await waitStored(sql, accountId, WARM_UP, "the warm-up to be stored");
  const p1 = Array.from({ length: RATE * SECONDS }, (_, i) => inbound(`wamid.bench.p1.${i}`, customer(i)));
  const ack = await ackLatency(p1);
  delivered.push(...p1);
  const total1 = WARM_UP + p1.length;
  await waitStored(sql, accountId, total1, "phase 1 to be stored");
  console.log(
    `ack latency at ${RATE} req/s (${p1.length} signed POSTs, open loop): p50 ${ack.p50.toFixed(1)} ms, p99 ${ack.p99.toFixed(1)} ms, max ${ack.max.toFixed(0)} ms, ${ack.failed} failed   (target p99 < 100 ms)`,
  );

  // 2. a backlog of one-message webhooks, as fast as the endpoint takes them; the clock stops at the last stored message.
  const p2 = Array.from({ length: BACKLOG }, (_, i) => inbound(`wamid.bench.p2.${i}`, customer(i)));
  const commits0 = await commits(sql);
  const t0 = performance.now();
  let posted = 0;
  const posting = postAll(p2).then(() => (posted = performance.now()));
  const stored = await waitStored(sql, accountId, total1 + BACKLOG, "the backlog to be stored", posting);
  await posting;
  const commitsPerMessage = ((await commits(sql)) - commits0) / BACKLOG;
  delivered.push(...p2);
  const persistRate = BACKLOG / ((stored - t0) / 1000);
  console.log(`webhooks acknowledged (backlog of ${BACKLOG}, ${CONCURRENCY} in flight): ${(BACKLOG / ((posted - t0) / 1000)).toFixed(0)} req/s`);
  console.log(
    `inbound messages fully persisted:     ${persistRate.toFixed(0)} messages/s   (first POST → last message stored in ${((stored - t0) / 1000).toFixed(1)} s; target ≥ 1,000)`,
  );
  console.log(`  database commits per message:       ${commitsPerMessage.toFixed(2)} (receiving and processing together)`);

  // 2b. the processing alone: the same number of events stored at once (no HTTP), then one webhook to wake the drain.
  const p2b = Array.from({ length: BACKLOG }, (_, i) => inbound(`wamid.bench.p2b.${i}`, customer(i)));
  await sql.begin(async (tx) => {
    for (let i = 0; i < p2b.length; i += 2000) {
      await tx`insert into webhook_events (payload, status) select p::jsonb, 'PENDING' from unnest(${p2b.slice(i, i + 2000)}::text[]) as p`;
    }
  });
  const d0 = performance.now();
  await postAll([inbound("wamid.bench.p2b.wake", customer(0))], 1);
  const drained = await waitStored(sql, accountId, total1 + 2 * BACKLOG + 1, "the stored backlog to be processed");
  console.log(`  processing alone (${BACKLOG} events stored beforehand): ${(BACKLOG / ((drained - d0) / 1000)).toFixed(0)} messages/s`);

  // 3. the same database's raw single-row INSERT rate, at the webhook workers' concurrency.
  const raw = await rawInsertRate(url, WORKER_CONCURRENCY["whatsapp.webhook"], 3000);
  console.log(`raw single-row INSERT rate:           ${raw.toFixed(0)} rows/s   (autocommit, ${WORKER_CONCURRENCY["whatsapp.webhook"]} connections, 3 s)`);
  console.log(`ratio persisted messages ÷ raw INSERTs: ${(persistRate / raw).toFixed(2)}`);

  // 4. statuses for outbound messages, then every delivery of the run three more times, shuffled.
  const [conversation] = await sql`select id from conversations where org_id = ${orgId} order by id limit 1`;
  const targets = ["sent", "delivered", "read"];
  const expected = new Map<string, number>();
  const statuses: string[] = [];
  for (let i = 0; i < OUTBOUND; i++) {
    const wamid = `wamid.bench.out.${i}`;
    await sql`insert into messages (org_id, conversation_id, whatsapp_account_id, direction, type, body, provider_message_id, status, sender_type)
      values (${orgId}, ${conversation.id}, ${accountId}, 'OUTBOUND', 'TEXT', 'Gracias por escribir', ${wamid}, 'SENT', 'AGENT')`;
    const upTo = 1 + (i % 3);
    expected.set(wamid, upTo);
    for (const s of targets.slice(0, upTo)) statuses.push(statusUpdate(wamid, s, customer(i)));
  }
  await postAll(statuses);
  delivered.push(...statuses);
  const replay = shuffle([...delivered, ...delivered, ...delivered]);
  const r0 = performance.now();
  await postAll(replay);
  await waitUntil(async () => (await pendingEvents(sql)) === 0, 600_000, "the replays to be processed");
  const replaySeconds = (performance.now() - r0) / 1000;

  const [dup] = await sql`select count(*)::int as n from (select 1 from messages where whatsapp_account_id = ${accountId} group by provider_message_id having count(*) > 1) d`;
  const finals = await sql`select provider_message_id as wamid, status from messages where whatsapp_account_id = ${accountId} and direction = 'OUTBOUND'`;
  const downgrades = finals.filter((r) => RANK[r.status] < expected.get(r.wamid)!).length;
  const inboundCount = await countInbound(sql, accountId);
  const [{ unread }] = await sql`select coalesce(sum(unread_count), 0)::int as unread from conversations where org_id = ${orgId}`;
  const events = await sql`select status, count(*)::int as n from webhook_events group by status order by status`;
  console.log(
    `replay: ${delivered.length} deliveries (${delivered.length - statuses.length} messages, ${statuses.length} statuses) posted 3 more times, shuffled: ${replay.length} POSTs, all processed in ${replaySeconds.toFixed(1)} s`,
  );
  console.log(`duplicate messages (rows per wamid > 1): ${dup.n}   (target 0)`);
  console.log(`status downgrades (final below the highest delivered): ${downgrades} of ${finals.length}   (target 0)`);
  console.log(
    `  inbound messages stored ${inboundCount} of ${total1 + 2 * BACKLOG + 1} distinct; unread counts sum to ${unread}; webhook events: ${events.map((e) => `${e.status} ${e.n}`).join(", ")}`,
  );
  await sql.end();
}

main()
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(async () => {
    agent.destroy();
    await server.stop();
  });
