// The work a graceful shutdown must wait for: every request being answered, and every
// deferred reply still to be delivered after its HTTP response has gone.
import { setTimeout as sleep } from 'node:timers/promises';

export interface InFlight {
  /** Counts `work` until it settles (it must not reject: callers log their own failures). */
  track(work: Promise<void>): void;
  readonly size: number;
  /** Resolves true once nothing is in flight, false if `timeoutMs` passes first. */
  drain(timeoutMs: number): Promise<boolean>;
}

export function createInFlight(): InFlight {
  const pending = new Set<Promise<void>>();
  return {
    track(work) {
      const settled = work.finally(() => pending.delete(settled));
      pending.add(settled);
    },
    get size() {
      return pending.size;
    },
    async drain(timeoutMs) {
      // An unref'd deadline: once the work is done it must not keep the process alive.
      const deadline = sleep(timeoutMs, 'timeout' as const, { ref: false });
      // Work tracked while draining (a deferred reply whose response just went) counts too.
      while (pending.size > 0) {
        const outcome = await Promise.race([Promise.allSettled([...pending]).then(() => 'drained' as const), deadline]);
        if (outcome === 'timeout') return false;
      }
      return true;
    },
  };
}
