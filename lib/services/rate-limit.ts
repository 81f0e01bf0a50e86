import { clearRateLimit, hitRateLimit } from "@/db/queries/rate-limits";
import { errors } from "@/lib/api/errors";
import { env } from "@/lib/env";

export type Limit = { limit: number; windowSeconds: number };

/** The limits of the sensitive endpoints, per IP and per account. */
export const LIMITS = {
  loginIp: { limit: 30, windowSeconds: 300 },
  loginAccount: { limit: 10, windowSeconds: 900 },
  codeIp: { limit: 20, windowSeconds: 900 },
  codeAccount: { limit: 5, windowSeconds: 900 },
  refreshIp: { limit: 120, windowSeconds: 60 },
  registerIp: { limit: 10, windowSeconds: 3600 },
  publicTokenIp: { limit: 60, windowSeconds: 300 },
  writingAssistUser: { limit: 30, windowSeconds: 60 },
} satisfies Record<string, Limit>;

/** Counts one attempt against each key; throws 429 with Retry-After when any is over its limit. */
export async function assertRateLimit(checks: [key: string, limit: Limit][]) {
  const multiplier = env().RATE_LIMIT_MULTIPLIER;
  for (const [key, l] of checks) {
    const { count, resetAt } = await hitRateLimit(key, l.windowSeconds);
    if (count > l.limit * multiplier) throw errors.rateLimited(Math.max(1, Math.ceil((resetAt.getTime() - Date.now()) / 1000)));
  }
}

export const resetRateLimit = clearRateLimit;
