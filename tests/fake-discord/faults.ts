import type { IncomingRequest, Reply, RequestPredicate } from './types.js';

export interface FaultRule {
  match: RequestPredicate;
  /** How many matching requests this rule answers; default 1, `Infinity` for all. */
  times?: number;
  /** Answer with this status (and body/headers) instead of the real route. */
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Hold the answer back this long (with or without `status`). */
  delayMs?: number;
}

export interface FaultHandle {
  /** Matching requests this rule has answered so far. */
  readonly hits: number;
  readonly remaining: number;
  cancel(): void;
}

export interface FaultOutcome {
  delayMs: number;
  /** Undefined → after the delay, let the real route answer. */
  reply?: Reply;
}

interface ActiveRule {
  rule: FaultRule;
  hits: number;
  remaining: number;
}

/** First-registered matching rule wins; exhausted rules drop out. */
export class FaultInjector {
  private rules: ActiveRule[] = [];

  add(rule: FaultRule): FaultHandle {
    const active: ActiveRule = { rule, hits: 0, remaining: rule.times ?? 1 };
    this.rules.push(active);
    return {
      get hits() {
        return active.hits;
      },
      get remaining() {
        return active.remaining;
      },
      cancel: () => {
        active.remaining = 0;
        this.rules = this.rules.filter((r) => r !== active);
      },
    };
  }

  take(request: IncomingRequest): FaultOutcome | undefined {
    const active = this.rules.find((r) => r.remaining > 0 && r.rule.match(request));
    if (!active) return undefined;
    active.hits += 1;
    active.remaining -= 1;
    if (active.remaining <= 0) this.rules = this.rules.filter((r) => r !== active);
    const { status, body, headers, delayMs = 0 } = active.rule;
    return { delayMs, reply: status === undefined ? undefined : { status, body, headers } };
  }

  clear(): void {
    this.rules = [];
  }
}

export interface RateLimitOptions {
  retryAfterMs?: number;
  /** Global limits make discord.js pause every route, not just this bucket. */
  global?: boolean;
  scope?: 'user' | 'global' | 'shared';
  bucket?: string;
}

/**
 * A 429 the way Discord sends it: discord.js (@discordjs/rest) waits on the
 * `Retry-After` header (seconds, may be fractional here) and the X-RateLimit-*
 * bucket headers, then retries by itself.
 */
export function rateLimitReply(options: RateLimitOptions = {}): Reply {
  const seconds = (options.retryAfterMs ?? 100) / 1000;
  const global = options.global ?? false;
  const headers: Record<string, string> = {
    'retry-after': String(seconds),
    'x-ratelimit-limit': '5',
    'x-ratelimit-remaining': '0',
    'x-ratelimit-reset-after': String(seconds),
    'x-ratelimit-reset': String(Date.now() / 1000 + seconds),
    'x-ratelimit-bucket': options.bucket ?? 'fake-bucket',
    'x-ratelimit-scope': options.scope ?? (global ? 'global' : 'user'),
  };
  if (global) headers['x-ratelimit-global'] = 'true';
  return {
    status: 429,
    headers,
    body: { message: 'You are being rate limited.', retry_after: seconds, global, code: 0 },
  };
}
