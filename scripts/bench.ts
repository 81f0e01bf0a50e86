/**
 * `npm run bench` — prints, from one run:
 *  1. the time from `npm run dev` to the first page (on this installed clone, fresh data directory);
 *  2. requests/s of GET /api/v1/auth/me beside the bare /api/ping route (the ratio is the figure, target ≥ 0.5),
 *     against the production build;
 *  3. login latency p50/p95.
 * Everything runs on loopback, on its own ports and data directories; the servers it starts are stopped at the end.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { performance } from "node:perf_hooks";

const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 5) * 1000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const LOGINS = Number(process.env.BENCH_LOGINS ?? 60);
const children: ChildProcess[] = [];

function start(args: string[], env: Record<string, string>) {
  const child = spawn("npx", ["tsx", "scripts/cx.ts", ...args], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  child.stdout?.resume();
  child.stderr?.resume();
  children.push(child);
  return child;
}

function stop(child: ChildProcess) {
  if (child.pid && child.exitCode === null) {
    try {
      process.kill(-child.pid, "SIGINT");
    } catch {
      /* already gone */
    }
  }
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    const t = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        /* gone */
      }
      resolve();
    }, 15_000);
    child.once("exit", () => {
      clearTimeout(t);
      resolve();
    });
  });
}

async function waitFor(url: string, timeoutMs: number) {
  const t0 = performance.now();
  while (performance.now() - t0 < timeoutMs) {
    try {
      const res = await fetch(url, { redirect: "manual" });
      if (res.status < 500) {
        await res.arrayBuffer();
        return performance.now() - t0;
      }
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

async function load(url: string, headers: Record<string, string>) {
  let done = 0;
  let failed = 0;
  const end = performance.now() + DURATION_MS;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < end) {
        const res = await fetch(url, { headers });
        await res.arrayBuffer();
        if (res.ok) done++;
        else failed++;
      }
    }),
  );
  return { rps: done / (DURATION_MS / 1000), failed };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function main() {
  // 1. dev start → first page
  rmSync(".data/bench-dev", { recursive: true, force: true });
  const t0 = performance.now();
  const dev = start(["dev"], { PORT: "3401", DATA_DIR: ".data/bench-dev", EMBEDDED_PG_PORT: "54351", REALTIME_PORT: "6021" });
  await waitFor("http://localhost:3401/login", 120_000);
  const devStart = (performance.now() - t0) / 1000;
  await stop(dev);
  console.log(`dev start → first page (/login):   ${devStart.toFixed(1)} s   (target < 20 s)`);

  // 2 + 3. production build
  // Always rebuild: a stale bundle would measure old code.
  {
    console.log("building the production bundle (npm run build)…");
    await new Promise<void>((resolve, reject) =>
      spawn("npm", ["run", "build"], { stdio: "ignore" }).on("exit", (c) => (c === 0 ? resolve() : reject(new Error("build failed")))),
    );
  }
  rmSync(".data/bench", { recursive: true, force: true });
  const prod = start(["start"], { PORT: "3402", DATA_DIR: ".data/bench", EMBEDDED_PG_PORT: "54352", REALTIME_PORT: "6022", RATE_LIMIT_MULTIPLIER: "100000", LOG_LEVEL: "warn" });
  await waitFor("http://localhost:3402/api/v1/ready", 120_000);
  const login = async () => {
    const res = await fetch("http://localhost:3402/api/v1/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "admin@demo.cx", password: "demo-password" }),
    });
    if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
    return (await res.json()) as { accessToken: string };
  };
  const { accessToken } = await login();
  const auth = { authorization: `Bearer ${accessToken}` };
  // Warm-up, then alternate the two routes so that drift of the machine (other load, JIT, GC) hits both alike.
  await load("http://localhost:3402/api/ping", {});
  await load("http://localhost:3402/api/v1/auth/me", auth);
  const bareRuns: number[] = [];
  const meRuns: number[] = [];
  let failed = 0;
  for (let round = 0; round < ROUNDS; round++) {
    bareRuns.push((await load("http://localhost:3402/api/ping", {})).rps);
    const r = await load("http://localhost:3402/api/v1/auth/me", auth);
    meRuns.push(r.rps);
    failed += r.failed;
  }
  const bare = median(bareRuns);
  const me = median(meRuns);
  console.log(`bare route  GET /api/ping:            ${bare.toFixed(0)} req/s   (median of ${ROUNDS} runs)`);
  console.log(`GET /api/v1/auth/me (bearer):          ${me.toFixed(0)} req/s   (median of ${ROUNDS} runs, ${failed} failed)`);
  console.log(`ratio auth/me ÷ bare:                  ${(me / bare).toFixed(2)}   (target ≥ 0.5; concurrency ${CONCURRENCY}, ${DURATION_MS / 1000} s per run)`);

  const times: number[] = [];
  for (let i = 0; i < LOGINS; i++) {
    const t = performance.now();
    await login();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(`login latency (${LOGINS} sequential):       p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms`);
  await stop(prod);
}

main()
  .catch(async (e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(async () => {
    await Promise.all(children.map(stop));
  });
