// Per-user sliding window: at most `max` requests in any `windowMs`. In memory, so with
// several instances each one counts separately (a user could get max × instances), unless
// CITEBOT_REDIS_URL makes them share one count (sharedRateLimiter.ts, chosen in rateLimiterFor.ts).

export type RateDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

export interface RateLimiter {
  /** Counts a request from `userId` and says whether it may go ahead (asynchronously when the count is shared). */
  take(userId: string, now?: number): RateDecision | Promise<RateDecision>;
  readonly max: number;
  readonly windowMs: number;
  /** Lets go of what it holds (a connection to the shared store). */
  close?(): Promise<void>;
}

/** Forget idle users every this many calls, so memory follows active users, not all users ever seen. */
const SWEEP_EVERY = 1000;

export function createRateLimiter(max: number, windowMs: number): RateLimiter {
  const seen = new Map<string, number[]>();
  let calls = 0;
  const sweep = (now: number) => {
    for (const [user, times] of seen) if ((times.at(-1) ?? 0) <= now - windowMs) seen.delete(user);
  };
  return {
    max,
    windowMs,
    take(userId, now = Date.now()) {
      if (max <= 0) return { allowed: true }; // 0 turns limiting off
      if (++calls % SWEEP_EVERY === 0) sweep(now);
      const recent = (seen.get(userId) ?? []).filter((t) => t > now - windowMs);
      if (recent.length >= max) {
        seen.set(userId, recent);
        return { allowed: false, retryAfterMs: recent[0]! + windowMs - now };
      }
      recent.push(now);
      seen.set(userId, recent);
      return { allowed: true };
    },
  };
}
