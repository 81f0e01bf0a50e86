/** What the benchmark scripts share: the production build, their own server on their own ports, percentiles. */
import { spawn, type ChildProcess } from "node:child_process";
import { performance } from "node:perf_hooks";

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

export async function buildProduction() {
  if (process.env.BENCH_SKIP_BUILD) return;
  console.log("building the production bundle (npm run build)…");
  await new Promise<void>((resolve, reject) =>
    spawn("npm", ["run", "build"], { stdio: "ignore" }).on("exit", (c) => (c === 0 ? resolve() : reject(new Error("build failed")))),
  );
}

export type BenchServerOptions = {
  port: number;
  pgPort: number;
  realtimePort: number;
  dataDir: string;
  env?: Record<string, string>;
  /** `start` (production build, the default) or `dev`. */
  mode?: "start" | "dev";
};

/** `scripts/cx.ts start|dev` (embedded PostgreSQL, realtime, workers, Next.js) in its own process group. */
export function benchServer(opts: BenchServerOptions) {
  let child: ChildProcess | undefined;
  const base = `http://127.0.0.1:${opts.port}`;
  return {
    base,
    databaseUrl: `postgres://postgres:postgres@127.0.0.1:${opts.pgPort}/cx_inbox`,
    start() {
      const env = { PORT: String(opts.port), DATA_DIR: opts.dataDir, EMBEDDED_PG_PORT: String(opts.pgPort), REALTIME_PORT: String(opts.realtimePort) };
      child = spawn("npx", ["tsx", "scripts/cx.ts", opts.mode ?? "start"], {
        env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", LOG_LEVEL: "warn", RATE_LIMIT_MULTIPLIER: "100000", ...env, ...opts.env },
        stdio: ["ignore", "ignore", process.env.BENCH_VERBOSE ? "inherit" : "ignore"],
        detached: true,
      });
    },
    /** Until `path` answers 2xx/3xx (a page may redirect). */
    async waitForReady(timeoutMs = 180_000, path = "/api/v1/ready") {
      const until = performance.now() + timeoutMs;
      while (performance.now() < until) {
        const ok = await fetch(`${base}${path}`, { redirect: "manual" }).then(
          async (r) => (await r.arrayBuffer(), r.status < 400),
          () => false,
        );
        if (ok) return;
        await sleep(100);
      }
      throw new Error("the server did not become ready");
    },
    async stop() {
      const c = child;
      if (!c?.pid || c.exitCode !== null) return;
      const exited = new Promise((r) => c.once("exit", r));
      const kill = (signal: NodeJS.Signals) => {
        try {
          process.kill(-c.pid!, signal);
        } catch {
          /* already gone */
        }
      };
      kill("SIGINT");
      const timer = setTimeout(() => kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
