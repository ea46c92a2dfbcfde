// One per-user limit across every replica: the count lives in Redis (rate-limiter-flexible's
// atomic increment-with-expiry, through ioredis), so N replicas allow a user `max` requests
// per window between them, not N × max. The window is fixed: it starts at the user's first
// request and the count resets when it ends.
//
// Redis is a brake, not a gate: when it is unreachable or slow, requests go ahead (fail
// open) rather than fail, and the outage is logged once, not once per request.
import { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { errorFields, type Logger } from '../../process/logger.js';
import type { RateLimiter } from './rateLimiter.js';

export interface SharedRateLimiterOptions {
  url: string;
  max: number;
  windowMs: number;
  log: Logger;
  /** A Redis slower than this counts as unavailable: the request goes ahead. */
  timeoutMs?: number;
}

export function createSharedRateLimiter({ url, max, windowMs, log, timeoutMs = 250 }: SharedRateLimiterOptions): RateLimiter {
  const client = new Redis(url, {
    // Fail at once while disconnected instead of queueing the request behind a reconnect.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: timeoutMs,
    // Keep trying to come back, at most every 2 s.
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  const limiter = new RateLimiterRedis({
    storeClient: client,
    rejectIfRedisNotReady: true,
    keyPrefix: 'citebot:rate',
    points: max,
    duration: Math.ceil(windowMs / 1000),
  });

  // The URL is never logged: it may hold a password.
  let available = true;
  const unavailable = (error: unknown) => {
    if (!available) return;
    available = false;
    log.warn('rate limit store unavailable: requests are let through until it is back', { error: errorFields(error) });
  };
  client.on('error', unavailable);
  client.on('ready', () => {
    if (available) return;
    available = true;
    log.info('rate limit store back: the shared limit applies again');
  });

  return {
    max,
    windowMs,
    async take(userId) {
      try {
        await limiter.consume(userId);
        return { allowed: true };
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return { allowed: false, retryAfterMs: rejection.msBeforeNext };
        unavailable(rejection);
        return { allowed: true };
      }
    },
    async close() {
      client.disconnect();
    },
  };
}
