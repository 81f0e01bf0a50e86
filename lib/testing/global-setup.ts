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
