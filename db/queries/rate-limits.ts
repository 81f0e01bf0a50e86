import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";

/**
 * Fixed-window counter in Postgres, so every web process shares the same limits.
 * Returns the count in the current window and when it ends.
 */
export async function hitRateLimit(key: string, windowSeconds: number): Promise<{ count: number; resetAt: Date }> {
  const rows = await getDb().execute<{ count: number; window_start: Date | string }>(sql`
    insert into rate_limits (key, window_start, count) values (${key}, now(), 1)
    on conflict (key) do update set
      count = case when rate_limits.window_start < now() - make_interval(secs => ${windowSeconds}) then 1 else rate_limits.count + 1 end,
      window_start = case when rate_limits.window_start < now() - make_interval(secs => ${windowSeconds}) then now() else rate_limits.window_start end
    returning count, window_start`);
  const row = rows[0];
  return { count: Number(row.count), resetAt: new Date(new Date(row.window_start).getTime() + windowSeconds * 1000) };
}

export async function clearRateLimit(key: string) {
  await getDb().execute(sql`delete from rate_limits where key = ${key}`);
}
