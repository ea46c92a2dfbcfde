// A signed request stays validly signed forever; the timestamp is what stops a captured
// one being replayed later. Discord sends Unix seconds.

/** How far the signed timestamp may be from this machine's clock, either way. */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

const UNIX_SECONDS = /^\d{1,12}$/;

export function isFreshTimestamp(timestamp: string, nowMs: number = Date.now(), maxSkewMs: number = MAX_CLOCK_SKEW_MS): boolean {
  if (!UNIX_SECONDS.test(timestamp)) return false;
  return Math.abs(nowMs - Number(timestamp) * 1000) <= maxSkewMs;
}
