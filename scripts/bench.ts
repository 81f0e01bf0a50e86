/**
 * `npm run bench` — prints, from one run:
 *  1. the time from `npm run dev` to the first page (on this installed clone, fresh data directory);
 *  2. requests/s of GET /api/v1/auth/me beside the bare /api/ping route (the ratio is the figure, target ≥ 0.5),
 *     against the production build;
 *  3. login latency p50/p95.
 * Everything runs on loopback, on its own ports and data directories; the servers it starts are stopped at the end.
 */
import { rmSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { benchServer, buildProduction, pct } from "./bench-server";

const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 5) * 1000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const LOGINS = Number(process.env.BENCH_LOGINS ?? 60);
const servers: ReturnType<typeof benchServer>[] = [];

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

async function main() {
  // 1. dev start → first page
  rmSync(".data/bench-dev", { recursive: true, force: true });
  const t0 = performance.now();
  const dev = benchServer({ mode: "dev", port: 3401, pgPort: 54351, realtimePort: 6021, dataDir: ".data/bench-dev" });
  servers.push(dev);
  dev.start();
  await dev.waitForReady(120_000, "/login");
  const devStart = (performance.now() - t0) / 1000;
  await dev.stop();
  console.log(`dev start → first page (/login):   ${devStart.toFixed(1)} s   (target < 20 s)`);

  // 2 + 3. production build
  await buildProduction();
  rmSync(".data/bench", { recursive: true, force: true });
  const prod = benchServer({ port: 3402, pgPort: 54352, realtimePort: 6022, dataDir: ".data/bench" });
  servers.push(prod);
  prod.start();
  await prod.waitForReady(120_000);
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
  await prod.stop();
}

main()
  .catch(async (e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(async () => {
    await Promise.all(servers.map((s) => s.stop()));
  });
