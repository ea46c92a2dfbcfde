/**
 * `citebot serve` as a child process on 127.0.0.1 (a free port it picks), started by the test
 * kit's startServe (tests/support/serveProcess.ts), the one way the HTTP tests start it too,
 * timed to listening and to ready. Also reads the child's own CPU time and memory from /proc,
 * since the load generator shares the machine's cores with it and its own clock says nothing
 * about the server's cost.
 */
import { readFileSync } from 'node:fs';
import { startServe as startServeProcess, type ServeProcess } from '../../tests/support/serveProcess.js';

export interface ServeOptions {
  publicKeyHex: string;
  corpusDir: string;
  /** CITEBOT_RATE_LIMIT; undefined leaves citebot's default (5 per 10 s). */
  rateLimit?: number;
  /** Extra node flags for the child (e.g. --cpu-prof, --max-old-space-size). */
  nodeArgs?: string[];
  readyTimeoutMs?: number;
  /** Another script that prints "listening on URL" and answers /healthz (the baseline server); default citebot serve. */
  script?: string[];
}

export interface ServeChild extends ServeProcess {
  pid: number;
}

export async function startServe(options: ServeOptions): Promise<ServeChild> {
  const env: Record<string, string> = {
    // The benchmark signs with its own key pair; this is its public half.
    DISCORD_PUBLIC_KEY: options.publicKeyHex,
    CITEBOT_CORPUS: options.corpusDir,
    // warn: no log line per request. LOAD_SERVE_LOG_LEVEL=info shows serve's start-up timings.
    LOG_LEVEL: process.env.LOAD_SERVE_LOG_LEVEL ?? 'warn',
    // A deferred answer would be delivered through Discord's REST API: point it at a closed local
    // port, so nothing a load test triggers can leave the machine (/ask answers inline anyway).
    DISCORD_API_URL: 'http://127.0.0.1:9',
  };
  if (options.rateLimit !== undefined) env.CITEBOT_RATE_LIMIT = String(options.rateLimit);
  const server = await startServeProcess({
    env,
    timeoutMs: options.readyTimeoutMs ?? 60_000,
    ...(options.nodeArgs ? { nodeArgs: options.nodeArgs } : {}),
    ...(options.script ? { script: options.script } : {}),
  });
  return { ...server, pid: server.child.pid! };
}

// ── The child's own resource use, from /proc ────────────────────────────────

let clockTicks: number | undefined;
/** USER_HZ: the unit of utime/stime in /proc/<pid>/stat (100 on Linux almost everywhere). */
function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      // Read from the kernel's own view when possible: the auxiliary vector's AT_CLKTCK (type 17).
      const auxv = readFileSync('/proc/self/auxv');
      for (let i = 0; i + 16 <= auxv.length; i += 16) {
        if (Number(auxv.readBigUInt64LE(i)) === 17) clockTicks = Number(auxv.readBigUInt64LE(i + 8));
      }
    } catch {
      /* not Linux, or no access: fall back below */
    }
    clockTicks ??= 100;
  }
  return clockTicks;
}

export interface ProcSample {
  /** CPU time in user and kernel mode since the process started, ms. */
  userMs: number;
  systemMs: number;
  rssMb: number;
  /** Peak resident set size so far (VmHWM). */
  peakRssMb: number;
}

/** undefined where /proc is not there (not Linux): the report then leaves the server's CPU out. */
export function procSample(pid: number): ProcSample | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may itself hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const hz = ticksPerSecond();
    // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name (1-based 3 = index 0).
    const userMs = (Number(fields[11]) / hz) * 1000;
    const systemMs = (Number(fields[12]) / hz) * 1000;
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { userMs, systemMs, rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}
