/**
 * The one entry point: `dev`, `start`, `worker`, `seed`.
 * With nothing configured it brings up, in order: embedded PostgreSQL, migrations, the demo seed, the embedded
 * Pusher-protocol server, the pg-boss workers and Next.js. Anything set in the environment (or .env) wins.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

const mode = process.argv[2] as "dev" | "start" | "worker" | "seed";
if (!["dev", "start", "worker", "seed"].includes(mode)) {
  console.error("usage: tsx scripts/cx.ts dev|start|worker|seed");
  process.exit(2);
}
if (existsSync(".env")) process.loadEnvFile(".env");
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
(process.env as Record<string, string>).NODE_ENV = mode === "dev" ? "development" : "production";

const t0 = Date.now();
const step = (name: string, msg: string) => console.log(`\x1b[32m▸\x1b[0m ${name.padEnd(10)} ${msg}`);
const warn = (msg: string) => console.log(`\x1b[33m!\x1b[0m ${msg}`);
const dataDir = path.resolve(process.env.DATA_DIR ?? ".data");
process.env.DATA_DIR = dataDir;
const port = Number(process.env.PORT ?? 3000);
process.env.APP_URL ??= `http://localhost:${port}`;

type Stoppable = { name: string; stop: () => Promise<unknown> };
const running: Stoppable[] = [];
let child: ChildProcess | undefined;
let stopping = false;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  if (child && child.exitCode === null) {
    child.kill("SIGTERM");
    await new Promise((r) => {
      const timer = setTimeout(() => {
        child?.kill("SIGKILL");
        r(null);
      }, 8000);
      child?.once("exit", () => {
        clearTimeout(timer);
        r(null);
      });
    });
  }
  for (const s of running.reverse()) {
    await s.stop().catch((e) => warn(`${s.name} did not stop cleanly: ${String(e)}`));
  }
  console.log("stopped");
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

/** Secrets generated on the first run and kept in .data/, so sessions survive restarts with nothing configured. */
function ensureSecrets() {
  const file = path.join(dataDir, "secrets.json");
  mkdirSync(dataDir, { recursive: true });
  const saved = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Record<string, string>) : {};
  const fill = (key: string, make: () => string) => {
    if (process.env[key]) return;
    saved[key] ??= make();
    process.env[key] = saved[key];
    if (mode === "start") warn(`${key} is not set: using a generated value kept in ${file} (set it in production)`);
  };
  fill("AUTH_SECRET", () => randomBytes(32).toString("base64url"));
  fill("ENCRYPTION_KEY", () => randomBytes(32).toString("hex"));
  fill("META_APP_SECRET", () => randomBytes(24).toString("hex"));
  fill("META_VERIFY_TOKEN", () => randomBytes(12).toString("hex"));
  writeFileSync(file, JSON.stringify(saved, null, 2), { mode: 0o600 });
  return saved;
}

/**
 * One launcher per data directory. A second one would take the first one's PostgreSQL for a server left behind by a
 * crash and stop it; refusing is the right answer.
 */
function claimDataDir() {
  const file = path.join(dataDir, "cx.pid");
  const pid = existsSync(file) ? Number(readFileSync(file, "utf8")) : 0;
  let alive = false;
  try {
    alive = pid > 0 && pid !== process.pid && process.kill(pid, 0);
  } catch {
    alive = false;
  }
  if (alive) {
    console.error(`Another CX Inbox launcher (pid ${pid}) is using ${dataDir}: stop it first, or set DATA_DIR to another directory.`);
    process.exit(1);
  }
  writeFileSync(file, String(process.pid));
  running.push({ name: "lock", stop: async () => rmSync(file, { force: true }) });
}

async function database() {
  const { ensureDatabase, startEmbeddedPostgres } = await import("../lib/embedded/postgres");
  const { runMigrations } = await import("../db/migrate");
  const embedded = !process.env.DATABASE_URL;
  if (embedded) {
    const pgPort = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
    const pg = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pg"), port: pgPort, log: (m) => step("database", m) });
    running.push({ name: "database", stop: pg.stop });
    await ensureDatabase(pg.url("postgres"), "cx_inbox");
    process.env.DATABASE_URL = pg.url("cx_inbox");
    step("database", `embedded PostgreSQL on 127.0.0.1:${pgPort} (data in ${pg.dataDir})`);
  } else {
    step("database", `using DATABASE_URL (${new URL(process.env.DATABASE_URL!).host})`);
  }
  await runMigrations(process.env.DATABASE_URL!);
  step("migrations", "applied");
  return embedded;
}

async function seed() {
  const { seedDemo } = await import("../db/seed");
  const logins = await seedDemo();
  if (!logins) return;
  step("seed", "demo organization \"Demo Café\" created. Sign in with:");
  for (const l of logins) console.log(`             ${l.role.padEnd(6)} ${l.email.padEnd(18)} password: ${l.password}`);
}

async function realtime(saved: Record<string, string>) {
  if (process.env.PUSHER_APP_ID) {
    step("realtime", `Pusher app ${process.env.PUSHER_APP_ID} (${process.env.PUSHER_HOST ?? process.env.PUSHER_CLUSTER ?? "pusher.com"})`);
    return;
  }
  const { startPusherServer } = await import("../lib/realtime/pusher-server");
  const rtPort = Number(process.env.REALTIME_PORT ?? 6001);
  saved.PUSHER_SECRET ??= randomBytes(16).toString("hex");
  const conf = { appId: "cx-inbox", key: "cx-inbox-key", secret: saved.PUSHER_SECRET };
  writeFileSync(path.join(dataDir, "secrets.json"), JSON.stringify(saved, null, 2), { mode: 0o600 });
  const server = await startPusherServer({ ...conf, host: "127.0.0.1", port: rtPort });
  running.push({ name: "realtime", stop: server.close });
  Object.assign(process.env, {
    PUSHER_APP_ID: conf.appId,
    PUSHER_KEY: conf.key,
    PUSHER_SECRET: conf.secret,
    PUSHER_HOST: "127.0.0.1",
    PUSHER_PORT: String(server.port),
    PUSHER_USE_TLS: "false",
  });
  step("realtime", `embedded Pusher-protocol server on 127.0.0.1:${server.port}`);
  // The workers run in this process and read the environment through lib/env's cache, filled before these were set.
  const { resetEnvCache } = await import("../lib/env");
  resetEnvCache();
}

async function workers() {
  const { startWorkers } = await import("../lib/jobs/workers");
  const { QUEUES } = await import("../lib/jobs/boss");
  const w = await startWorkers();
  running.push({ name: "workers", stop: w.stop });
  step("workers", `pg-boss workers running (${Object.keys(QUEUES).join(", ")})`);
}

function web() {
  const nextBin = path.resolve("node_modules/next/dist/bin/next");
  if (mode === "start" && !existsSync(".next/BUILD_ID")) {
    console.error("No production build found: run `npm run build` first.");
    return shutdown(1);
  }
  // Production runs our server (scripts/web.ts: Next's handler plus the webhook fast path); development runs `next dev`.
  const args = mode === "start" ? ["--import", "tsx", path.resolve("scripts/web.ts"), String(port)] : [nextBin, mode, "-p", String(port)];
  const env: NodeJS.ProcessEnv = mode === "start" ? { ...process.env, NODE_ENV: "production" } : process.env;
  child = spawn(process.execPath, args, { stdio: "inherit", env });
  child.on("exit", (code) => void shutdown(code ?? 0));
  step("web", `${mode === "start" ? "production server" : "next dev"} on ${process.env.APP_URL} (services up in ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}

async function main() {
  const saved = ensureSecrets();
  if (mode === "worker") {
    if (!process.env.DATABASE_URL) throw new Error("npm run worker needs DATABASE_URL (the shared database of the web processes)");
    await workers();
    return;
  }
  claimDataDir();
  const embedded = await database();
  if (embedded || process.env.SEED_DEMO === "true") await seed();
  if (mode === "seed") return shutdown(0);
  await realtime(saved);
  if (process.env.WORKERS !== "off") await workers();
  else step("workers", "WORKERS=off: run `npm run worker` separately");
  web();
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  void shutdown(1);
});
