import { hitRateLimit } from "@/db/queries/rate-limits";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Per-number throughput (Meta allows each number `throughputMps` messages per second, 80 by default). A fixed
 * one-second window counted in Postgres, so every worker process shares it: a send over the limit waits for the next
 * window. After a few seconds of waiting it goes anyway; Meta's 130429 then backs the job off through the queue.
 * (pg-boss has no per-key rate limit, and its concurrency options are per queue, not per number.)
 */
export async function awaitSendSlot(account: { id: number; throughputMps: number }, maxWaitMs = 5_000) {
  const deadline = Date.now() + maxWaitMs;
  for (;;) {
    const { count, resetAt } = await hitRateLimit(`wa-send:${account.id}`, 1);
    if (count <= account.throughputMps || Date.now() >= deadline) return;
    await sleep(Math.max(5, Math.min(resetAt.getTime() - Date.now(), 1_000)));
  }
}
