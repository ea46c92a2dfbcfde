// Which rate limiter a process uses: shared through Redis when CITEBOT_REDIS_URL is set
// (loaded only then), per process otherwise. `serve` and `bot` both ask here.
import type { Config } from '../../config/loadConfig.js';
import type { Logger } from '../../process/logger.js';
import { createRateLimiter, type RateLimiter } from './rateLimiter.js';

export async function rateLimiterFor({ rateLimit: { max, windowMs, redisUrl } }: Config, log: Logger): Promise<RateLimiter> {
  // With the limit off (0) there is nothing to share.
  if (!redisUrl || max <= 0) return createRateLimiter(max, windowMs);
  const { createSharedRateLimiter } = await import('./sharedRateLimiter.js');
  return createSharedRateLimiter({ url: redisUrl, max, windowMs, log });
}
