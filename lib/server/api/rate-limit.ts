import "server-only";
import { TokenBuckets, type TakeResult } from "@/lib/domain/token-bucket";
import { env } from "@/lib/env";

/**
 * The process's API rate limiter. In memory, so each app instance counts on its own: with
 * N instances behind a balancer a client gets up to N × the limit, which is acceptable for
 * a limit that exists to stop runaway agents, not to meter anyone.
 */
const globalForLimiter = globalThis as unknown as { gateboardRateLimit?: TokenBuckets };

function limiter(): TokenBuckets {
  globalForLimiter.gateboardRateLimit ??= new TokenBuckets(env().GATEBOARD_RATE_LIMIT_PER_MINUTE);
  return globalForLimiter.gateboardRateLimit;
}

export function takeRateLimit(key: string, now: number = Date.now()): TakeResult & { limit: number } {
  const buckets = limiter();
  return { ...buckets.take(key, now), limit: buckets.perMinute };
}

/** Starts counting afresh, optionally with another limit (tests, and nothing else). */
export function resetRateLimit(perMinute?: number): void {
  globalForLimiter.gateboardRateLimit = new TokenBuckets(perMinute ?? env().GATEBOARD_RATE_LIMIT_PER_MINUTE);
}
