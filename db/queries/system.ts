import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";

export async function pingDatabase() {
  await getDb().execute(sql`select 1`);
}

/** The job queue is usable when pg-boss's schema is installed in this database. */
export async function jobSchemaInstalled() {
  const rows = await getDb().execute<{ ok: boolean }>(sql`select to_regclass('pgboss.job') is not null as ok`);
  return Boolean(rows[0]?.ok);
}
