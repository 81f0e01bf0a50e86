/**
 * `npm run bench:inbox` — the agent inbox's reads at scale, against the production build, on loopback. Seeds one
 * organization with 100,000 conversations and 2,000,000 messages (kept in .data/bench-inbox between runs; set
 * BENCH_RESEED=1 to start over), then prints p50/p95 over HTTP (bearer token, the same path the browser takes) of:
 *  - the conversation list, for each view, filter and sort (target p95 < 50 ms);
 *  - the counts (target p95 < 50 ms); a message page, first and older (target p95 < 50 ms);
 *  - message search in Spanish and English (target p95 < 150 ms);
 * and the first-load JavaScript of /inbox (every script the HTML loads in a modern browser, gzipped; target < 300 KB).
 */
import { randomBytes } from "node:crypto";
import { gzipSync } from "node:zlib";
import { performance } from "node:perf_hooks";
import postgres from "postgres";
import { benchServer, buildProduction, pct } from "./bench-server";

const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 100_000);
const PER_CONVERSATION = Number(process.env.BENCH_MESSAGES_PER_CONVERSATION ?? 20);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 60);
const AGENTS = 10;
const PASSWORD = "bench-password";
const SECRETS = { AUTH_SECRET: randomBytes(32).toString("base64url"), ENCRYPTION_KEY: randomBytes(32).toString("hex") };
const server = benchServer({ port: 3412, pgPort: 54362, realtimePort: 6032, dataDir: ".data/bench-inbox", env: SECRETS });

type Sql = postgres.Sql;

const PHRASES = [
  "Hola, quiero saber el estado de mi pedido",
  "¿Tienen envío a domicilio en mi ciudad?",
  "Necesito cambiar la dirección de entrega",
  "El producto llegó roto, quiero un reembolso",
  "¿Cuál es el horario de atención de la tienda?",
  "Gracias por la ayuda, todo perfecto",
  "Mi pago fue rechazado dos veces",
  "¿Puedo reservar una mesa para el sábado?",
  "My order has not arrived yet",
  "I want a refund for the damaged item",
  "Can I change my reservation to Friday?",
  "The payment failed twice with my card",
  "Do you deliver to my neighbourhood?",
  "Thanks, that solved my problem",
  "¿Aceptan tarjetas de crédito?",
  "I need an invoice for my last purchase",
];

async function seed(sql: Sql) {
  const [existing] = await sql`select id from organizations where slug = 'bench-inbox'`;
  if (existing && !process.env.BENCH_RESEED) {
    console.log("reusing the seeded organization (BENCH_RESEED=1 to seed again)");
    return;
  }
  if (existing) await sql`delete from organizations where id = ${existing.id}`;
  const { hashPassword } = await import("../lib/auth/password");
  const hash = await hashPassword(PASSWORD);
  const t0 = performance.now();
  const [org] = await sql`insert into organizations (name, slug, conversation_seq) values ('Bench Inbox', 'bench-inbox', ${CONVERSATIONS}) returning id`;
  const people = [{ email: "bench-admin@bench.test", name: "Bench Admin", role: "ADMIN" }].concat(
    Array.from({ length: AGENTS }, (_, i) => ({ email: `bench-agent${i + 1}@bench.test`, name: `Agent ${i + 1}`, role: "AGENT" })),
  );
  await sql`delete from users where email like '%@bench.test'`;
  const users = await sql`insert into users ${sql(people.map(({ email, name }) => ({ email, name, password_hash: hash })))} returning id, email`;
  const ids = users.map((u) => Number(u.id));
  await sql`insert into memberships ${sql(people.map((p, i) => ({ org_id: org.id, user_id: ids[i], role: p.role })))}`;
  const teams = await sql`insert into teams ${sql(["Ventas", "Soporte", "Reservas"].map((name) => ({ org_id: org.id, name })))} returning id`;
  const agents = ids.slice(1);
  await sql`insert into team_members ${sql(agents.map((user_id, i) => ({ team_id: teams[i % 3].id, user_id, org_id: org.id })))}`;
  const tags = await sql`insert into tags ${sql(["vip", "urgente", "reembolso", "envío", "nuevo", "queja", "mayorista", "b2b"].map((name, i) => ({ org_id: org.id, name, color: ["red", "blue", "green", "amber"][i % 4] })))} returning id`;

  await sql`
    insert into contacts (org_id, wa_id, name, profile_name, last_message_at, created_at)
    select ${org.id}, '5255' || lpad(i::text, 8, '0'),
      (array['Ana','Luis','María','Carlos','Sofía','Jorge','Lucía','Pedro','Elena','Diego'])[1 + i % 10] || ' ' ||
      (array['García','López','Martínez','Pérez','Sánchez','Romero','Torres','Flores','Rivera','Gómez'])[1 + (i / 10) % 10] || ' ' || i,
      null, now() - i * interval '40 seconds', now() - i * interval '40 seconds' - interval '1 day'
    from generate_series(1, ${CONVERSATIONS}) i`;
  await sql`
    insert into conversations (org_id, display_id, contact_id, status, assigned_to_id, assigned_at, team_id, priority, unread_count,
      last_message_at, last_customer_message_at, last_message_preview, last_message_direction, created_at, closed_at)
    select c.org_id, c.n, c.id, s.status::conversation_status,
      case when s.status in ('HUMAN_HANDLING', 'WAITING_FOR_CUSTOMER') then (${sql.array(agents)}::bigint[])[1 + c.n % ${AGENTS}] end,
      case when s.status in ('HUMAN_HANDLING', 'WAITING_FOR_CUSTOMER') then c.last_message_at - interval '5 minutes' end,
      case when c.n % 3 = 0 then (${sql.array(teams.map((t) => Number(t.id)))}::bigint[])[1 + c.n % 3] end,
      (array['LOW','NORMAL','NORMAL','NORMAL','HIGH','URGENT'])[1 + c.n % 6]::conversation_priority,
      case when c.n % 4 = 0 and s.status <> 'CLOSED' then 1 + c.n % 5 else 0 end,
      c.last_message_at,
      c.last_message_at - case when c.n % 2 = 0 then interval '0' else interval '1 minute' end,
      left((${sql.array(PHRASES)}::text[])[1 + c.n % ${PHRASES.length}], 200),
      case when c.n % 2 = 0 then 'INBOUND' else 'OUTBOUND' end,
      c.created_at,
      case when s.status = 'CLOSED' then c.last_message_at end
    from (select id, org_id, last_message_at, created_at, row_number() over (order by id) as n from contacts where org_id = ${org.id}) c
    cross join lateral (select (array['BOT_HANDLING','OPEN','OPEN','HUMAN_HANDLING','HUMAN_HANDLING','HUMAN_HANDLING',
      'WAITING_FOR_CUSTOMER','WAITING_FOR_CUSTOMER','CLOSED','CLOSED'])[1 + c.n % 10] as status) s`;
  await sql`
    insert into conversation_tags (conversation_id, tag_id, org_id)
    select id, (${sql.array(tags.map((t) => Number(t.id)))}::bigint[])[1 + display_id % 8], org_id from conversations
    where org_id = ${org.id} and display_id % 3 = 0`;
  console.log(`  seeded users, teams, tags, ${CONVERSATIONS} contacts and conversations in ${((performance.now() - t0) / 1000).toFixed(0)} s`);

  // Messages without their indexes, which are rebuilt once at the end (as a bulk import would do).
  const indexes = await sql`select indexname, indexdef from pg_indexes where tablename = 'messages' and indexname <> 'messages_pkey'`;
  for (const i of indexes) await sql.unsafe(`drop index ${i.indexname}`);
  const step = 10_000;
  for (let from = 1; from <= CONVERSATIONS; from += step) {
    await sql`
      insert into messages (org_id, conversation_id, direction, type, body, status, sender_type, sender_user_id, created_at)
      select c.org_id, c.id, case when k % 2 = 1 then 'INBOUND' else 'OUTBOUND' end::message_direction, 'TEXT',
        (${sql.array(PHRASES)}::text[])[1 + (c.display_id * 7 + k) % ${PHRASES.length}] || ' #' || c.display_id || '-' || k,
        case when k % 2 = 1 then 'RECEIVED' else 'READ' end::message_status,
        case when k % 2 = 1 then 'CUSTOMER' else 'AGENT' end::sender_type,
        case when k % 2 = 0 then c.assigned_to_id end,
        c.last_message_at - (${PER_CONVERSATION} - k) * interval '3 minutes'
      from conversations c cross join generate_series(1, ${PER_CONVERSATION}) k
      where c.org_id = ${org.id} and c.display_id between ${from} and ${from + step - 1}`;
    process.stdout.write(`\r  messages: ${Math.min(from + step - 1, CONVERSATIONS) * PER_CONVERSATION} of ${CONVERSATIONS * PER_CONVERSATION}`);
  }
  process.stdout.write("\n  rebuilding message indexes…\n");
  await sql`set maintenance_work_mem = '512MB'`;
  for (const i of indexes) await sql.unsafe(i.indexdef);
  await sql`vacuum analyze`;
  console.log(`  seeded in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

async function login(email: string) {
  const res = await fetch(`${server.base}/api/v1/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password: PASSWORD }) });
  if (!res.ok) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/** p50/p95 of `SAMPLES` sequential GETs (after a few warm-ups); `path(i)` may vary the request. */
async function measure(token: string, path: (i: number) => string) {
  const get = async (p: string) => {
    const t = performance.now();
    const res = await fetch(`${server.base}/api/v1${p}`, { headers: { authorization: `Bearer ${token}` } });
    const body = await res.text();
    if (!res.ok) throw new Error(`GET ${p}: ${res.status} ${body.slice(0, 300)}`);
    return { ms: performance.now() - t, body };
  };
  for (let i = 0; i < 5; i++) await get(path(i));
  const times: number[] = [];
  let last = "";
  for (let i = 0; i < SAMPLES; i++) {
    const r = await get(path(i));
    times.push(r.ms);
    last = r.body;
  }
  times.sort((a, b) => a - b);
  return { p50: pct(times, 50), p95: pct(times, 95), last };
}

function line(label: string, r: { p50: number; p95: number }, target: number) {
  const ok = r.p95 < target ? "ok" : "MISS";
  console.log(`  ${label.padEnd(52)} p50 ${r.p50.toFixed(1).padStart(6)} ms   p95 ${r.p95.toFixed(1).padStart(6)} ms   ${ok} (< ${target})`);
  return r.p95 < target;
}

async function firstLoadJs(adminId: number, orgId: number) {
  process.env.AUTH_SECRET = SECRETS.AUTH_SECRET;
  const { encode } = await import("next-auth/jwt");
  const name = "authjs.session-token";
  const token = await encode({ token: { uid: String(adminId), org: String(orgId), ver: 0, sub: String(adminId) }, secret: SECRETS.AUTH_SECRET, salt: name, maxAge: 3600 });
  const res = await fetch(`${server.base}/inbox`, { headers: { cookie: `${name}=${token}` }, redirect: "manual" });
  if (res.status !== 200) throw new Error(`/inbox answered ${res.status}`);
  const html = await res.text();
  // noModule scripts (polyfills for old browsers) are skipped by every browser that runs modules: not loaded.
  const tags = [...html.matchAll(/<script[^>]*>/g)].map((m) => m[0]).filter((t) => !/\bnoModule\b/i.test(t));
  const srcs = [...new Set(tags.map((t) => /src="([^"]+)"/.exec(t)?.[1]).filter((s): s is string => Boolean(s)))];
  let raw = 0;
  let gz = 0;
  for (const src of srcs) {
    const body = Buffer.from(await (await fetch(new URL(src, server.base))).arrayBuffer());
    raw += body.length;
    gz += gzipSync(body, { level: 9 }).length;
  }
  return { scripts: srcs.length, raw, gz };
}

async function main() {
  await buildProduction();
  server.start();
  await server.waitForReady();
  const sql = postgres(server.databaseUrl, { max: 2, onnotice: () => {} });
  console.log(`seeding ${CONVERSATIONS} conversations and ${CONVERSATIONS * PER_CONVERSATION} messages…`);
  await seed(sql);
  const [org] = await sql`select id from organizations where slug = 'bench-inbox'`;
  const [admin] = await sql`select id from users where email = 'bench-admin@bench.test'`;
  const [tag] = await sql`select id from tags where org_id = ${org.id} order by id limit 1`;
  const [team] = await sql`select id from teams where org_id = ${org.id} order by id limit 1`;
  const convs = await sql`select id from conversations where org_id = ${org.id} order by random() limit ${SAMPLES + 5}`;
  const adminToken = await login("bench-admin@bench.test");
  const agentToken = await login("bench-agent1@bench.test");
  let pass = true;

  console.log("\nconversation list (GET /conversations, limit 50):");
  const lists: Array<[string, string, string?]> = [
    ["all (newest)", ""],
    ["view mine (agent)", "assignedTo=me", agentToken],
    ["view unassigned (agent)", "assignedTo=unassigned", agentToken],
    ["view all (agent, team visibility)", "", agentToken],
    ["status OPEN", "status=OPEN"],
    ["status HUMAN_HANDLING", "status=HUMAN_HANDLING"],
    ["status CLOSED", "status=CLOSED"],
    ["subFilter unread", "subFilter=unread"],
    ["subFilter needs_action", "subFilter=needs_action"],
    ["sort oldest", "sort=oldest"],
    ["sort waiting_longest", "sort=waiting_longest"],
    ["sort created_newest", "sort=created_newest"],
    ["sort created_oldest", "sort=created_oldest"],
    ["tag filter", `tagId=${tag.id}`],
    ["team filter", `teamId=${team.id}`],
    ["priority URGENT", "priority=URGENT"],
    ["search contact name", "search=Sof%C3%ADa%20Torres"],
  ];
  for (const [label, qs, token] of lists) pass = line(label, await measure(token ?? adminToken, () => `/conversations?limit=50&${qs}`), 50) && pass;
  const first = JSON.parse((await measure(adminToken, () => "/conversations?limit=50")).last) as { nextCursor: string };
  pass = line("second page (cursor)", await measure(adminToken, () => `/conversations?limit=50&cursor=${encodeURIComponent(first.nextCursor)}`), 50) && pass;

  console.log("\ncounts (GET /conversations/counts):");
  pass = line("admin", await measure(adminToken, () => "/conversations/counts"), 50) && pass;
  pass = line("agent", await measure(agentToken, () => "/conversations/counts"), 50) && pass;

  console.log("\nmessages (GET /conversations/{id}/messages, limit 50):");
  pass = line("newest page of a random conversation", await measure(adminToken, (i) => `/conversations/${convs[i].id}/messages?limit=50`), 50) && pass;
  const older = await Promise.all(
    convs.slice(0, 8).map(async (c) => {
      const res = await fetch(`${server.base}/api/v1/conversations/${c.id}/messages?limit=10`, { headers: { authorization: `Bearer ${adminToken}` } });
      return { id: c.id, cursor: ((await res.json()) as { nextCursor: string }).nextCursor };
    }),
  );
  pass = line("older page (cursor)", await measure(adminToken, (i) => `/conversations/${older[i % 8].id}/messages?limit=50&cursor=${encodeURIComponent(older[i % 8].cursor)}`), 50) && pass;

  console.log("\nmessage search (GET /messages/search, limit 20):");
  const terms = ["pedido", "reembolso", "dirección de entrega", "refund", "payment failed", "reservation", "tarjetas", "#4242-3"];
  for (const term of terms) pass = line(`"${term}" (admin)`, await measure(adminToken, () => `/messages/search?limit=20&q=${encodeURIComponent(term)}`), 150) && pass;
  pass = line(`"pedido" (agent, team visibility)`, await measure(agentToken, () => `/messages/search?limit=20&q=pedido`), 150) && pass;

  const js = await firstLoadJs(Number(admin.id), Number(org.id));
  const kb = js.gz / 1024;
  console.log(`\nfirst-load JavaScript of /inbox: ${kb.toFixed(0)} KB gzipped (${(js.raw / 1024).toFixed(0)} KB raw, ${js.scripts} scripts)   ${kb < 300 ? "ok" : "MISS"} (< 300 KB)`);
  pass = kb < 300 && pass;
  console.log(pass ? "\nall targets met" : "\nsome targets missed");
  await sql.end();
}

main()
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => server.stop());
