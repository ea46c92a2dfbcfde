import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

export interface ChildLimits {
  /** V8 heap limit (--max-old-space-size), MB. */
  maxOldSpaceMb: number;
  /** Resident memory above which the child is stopped (typed arrays and Buffers are outside the V8 heap), MB. */
  maxRssMb: number;
  timeoutMs: number;
}

/** A finished child's result, or why it did not finish, with how long it ran and the most memory it was seen using. */
export type ChildOutcome<T> =
  | { ok: true; result: T; seconds: number; polledPeakRssMb: number }
  | { ok: false; reason: string; seconds: number; polledPeakRssMb: number };

const HEARTBEAT_MS = 30_000;

/** The children still running, so a benchmark stopped by a signal can stop them too. */
const running = new Set<ReturnType<typeof fork>>();
export function stopChildren(): void {
  for (const child of running) child.kill('SIGKILL');
}

/** The child's resident memory from /proc (Linux), MB; null elsewhere or once it has gone. */
function rssMb(pid: number): number | null {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? null : Number(kb) / 1024;
  } catch {
    return null;
  }
}

const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(Math.floor(seconds % 60)).padStart(2, '0')}`;

/**
 * Runs `script args` in a fresh Node process under the limits, its stdout and stderr shown on
 * our stderr. The child hands its result back with process.send({ result }) or ({ error }).
 * Running out of heap, over the RSS bound or past the timeout is an outcome, not an exception.
 */
export function runChild<T>(
  script: string,
  args: string[],
  limits: ChildLimits,
  label: string,
  execArgv: string[] = [],
): Promise<ChildOutcome<T>> {
  const started = performance.now();
  const seconds = () => Math.round((performance.now() - started) / 100) / 10;
  const child = fork(script, args, {
    execArgv: ['--expose-gc', `--max-old-space-size=${limits.maxOldSpaceMb}`, ...execArgv],
    stdio: ['ignore', 2, 'pipe', 'ipc'],
  });
  running.add(child);
  child.on('exit', () => running.delete(child));
  let tail = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    process.stderr.write(chunk);
    tail = (tail + chunk.toString('utf8')).slice(-8192);
  });
  let result: { result?: T; error?: string } | undefined;
  child.on('message', (message) => (result = message as { result?: T; error?: string }));

  let stoppedBecause: string | null = null;
  let peak = 0;
  let lastBeat = performance.now();
  const stop = (reason: string) => {
    if (stoppedBecause) return;
    stoppedBecause = reason;
    child.kill('SIGKILL');
  };
  const poll = setInterval(() => {
    const rss = child.pid === undefined ? null : rssMb(child.pid);
    if (rss !== null) peak = Math.max(peak, rss);
    if (rss !== null && rss > limits.maxRssMb)
      stop(`over the ${(limits.maxRssMb / 1024).toFixed(0)} GB memory bound (RSS ${(rss / 1024).toFixed(1)} GB)`);
    if (performance.now() - started > limits.timeoutMs) stop(`timed out (limit ${clock(limits.timeoutMs / 1000)})`);
    if (performance.now() - lastBeat >= HEARTBEAT_MS) {
      lastBeat = performance.now();
      process.stderr.write(
        `    [${label}] still running: ${clock(seconds())}, RSS ${rss === null ? '?' : `${(rss / 1024).toFixed(2)} GB`}\n`,
      );
    }
  }, 500);

  return new Promise((resolve) => {
    const finish = (outcome: ChildOutcome<T>) => {
      clearInterval(poll);
      resolve(outcome);
    };
    child.on('error', (error) =>
      finish({ ok: false, reason: `failed to start: ${error.message}`, seconds: seconds(), polledPeakRssMb: Math.round(peak) }),
    );
    child.on('exit', (code, signal) => {
      const polledPeakRssMb = Math.round(peak);
      if (result?.result !== undefined) return finish({ ok: true, result: result.result, seconds: seconds(), polledPeakRssMb });
      let reason: string;
      if (stoppedBecause) reason = stoppedBecause;
      else if (/heap out of memory|Allocation failed|Reached heap limit/i.test(tail))
        reason = `out of memory (V8 heap limit ${limits.maxOldSpaceMb} MB)`;
      else if (result?.error) reason = `failed: ${result.error}`;
      else reason = `exited with ${signal ?? `code ${code}`}: ${tail.trim().split('\n').slice(-1)[0] ?? ''}`;
      finish({ ok: false, reason: `did not finish: ${reason} after ${Math.round(seconds())} s`, seconds: seconds(), polledPeakRssMb });
    });
  });
}
