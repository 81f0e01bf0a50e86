import path from "node:path";
import { defineConfig } from "vitest/config";

// vitest 5's reporter calls Map.groupBy, which Node 20 lacks; without it a failing test crashes the report.
const mapCtor = Map as unknown as { groupBy?: unknown };
mapCtor.groupBy ??= <K, V>(items: Iterable<V>, key: (item: V, index: number) => K) => {
  const out = new Map<K, V[]>();
  let i = 0;
  for (const item of items) {
    const k = key(item, i++);
    out.set(k, [...(out.get(k) ?? []), item]);
  }
  return out;
};

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", "e2e/**", ".next/**", ".data/**"],
    globalSetup: ["./lib/testing/global-setup.ts"],
    setupFiles: ["./lib/testing/setup-file.ts"],
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
