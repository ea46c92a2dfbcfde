/**
 * `citebot serve` as a child process on 127.0.0.1 (a free port it picks), as the HTTP tests
 * start it: an empty working folder (no developer .env), only the variables set here. Also
 * reads the child's own CPU time and memory from /proc, since the load generator shares the
 * machine's cores with it and its own clock says nothing about the server's cost.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../../src/paths/packageRoot.js';

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

export interface ServeChild {
  url: string;
  port: number;
  pid: number;
  child: ChildProcessWithoutNullStreams;
  /** Spawn → listening line, and spawn → /healthz 200 (index loaded). */
  listeningMs: number;
  readyMs: number;
  stderr(): string;
  /** SIGTERM (graceful: in-flight requests finish, a --cpu-prof profile is written) and the exit code. */
  stop(): Promise<number | null>;
}

/** Only what is set here: no DISCORD_*, CITEBOT_* or LOG_LEVEL from the shell that runs the benchmark. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('DISCORD_') || key.startsWith('CITEBOT_') || key === 'LOG_LEVEL' || key === 'NODE_OPTIONS') delete env[key];
  return { ...env, ...extra };
}

export function httpGet(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

export async function startServe(options: ServeOptions): Promise<ServeChild> {
  const started = performance.now();
  const bin = join(packageRoot(), 'bin', 'citebot.js');
  const env: Record<string, string> = {
    DISCORD_PUBLIC_KEY: options.publicKeyHex,
    CITEBOT_CORPUS: options.corpusDir,
    // warn: no log line per request. LOAD_SERVE_LOG_LEVEL=info shows serve's start-up timings.
    LOG_LEVEL: process.env.LOAD_SERVE_LOG_LEVEL ?? 'warn',
    // A deferred answer would be delivered through Discord's REST API: point it at a closed local
    // port, so nothing a load test triggers can leave the machine (/ask answers inline anyway).
    DISCORD_API_URL: 'http://127.0.0.1:9',
  };
  if (options.rateLimit !== undefined) env.CITEBOT_RATE_LIMIT = String(options.rateLimit);
  const script = options.script ?? [bin, 'serve', '--port', '0', '--host', '127.0.0.1'];
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...script], {
    cwd: mkdtempSync(join(tmpdir(), 'citebot-load-')),
    env: cleanEnv(env),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  const timeoutMs = options.readyTimeoutMs ?? 60_000;

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not print its address within ${timeoutMs} ms\n${stderr}`)), timeoutMs);
    const check = () => {
      const match = /^listening on (http:\/\/\S+)$/m.exec(stdout);
      if (!match) return;
      clearTimeout(timer);
      resolve(match[1]!);
    };
    child.stdout.on('data', check);
    void exited.then(([code, signal]) => {
      clearTimeout(timer);
      reject(new Error(`serve exited (${code ?? signal}) before listening\n${stderr}`));
    });
  });
  const listeningMs = performance.now() - started;

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`serve exited (${child.exitCode ?? child.signalCode}) while loading\n${stderr}`);
    const health = await httpGet(`${url}/healthz`).catch(() => undefined);
    if (health?.status === 200) break;
    if (Date.now() > deadline) throw new Error(`serve not ready within ${timeoutMs} ms (last /healthz: ${health?.status} ${health?.body})\n${stderr}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  const readyMs = performance.now() - started;

  return {
    url,
    port: Number(new URL(url).port),
    pid: child.pid!,
    child,
    listeningMs,
    readyMs,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const [code] = await exited;
      return code;
    },
  };
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
