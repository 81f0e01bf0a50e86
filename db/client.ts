import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { env } from "@/lib/env";
import * as schema from "./schema";

export type Db = PostgresJsDatabase<typeof schema>;
/** A transaction handle or the database itself: queries accept either, so services can compose them atomically. */
export type Tx = Db | Parameters<Parameters<Db["transaction"]>[0]>[0];

type Holder = { sql?: postgres.Sql; db?: Db; url?: string };
// One pool per process, kept on globalThis so Next's dev reloads do not leak connections.
const holder: Holder = ((globalThis as { __cxDb?: Holder }).__cxDb ??= {});

export function getDb(): Db {
  const url = env().DATABASE_URL;
  if (!holder.db || holder.url !== url) {
    holder.sql = postgres(url, { max: 10, onnotice: () => {}, idle_timeout: 30 });
    holder.db = drizzle(holder.sql, { schema });
    holder.url = url;
  }
  return holder.db;
}

export async function closeDb() {
  await holder.sql?.end({ timeout: 5 });
  holder.sql = undefined;
  holder.db = undefined;
}

export { schema };
