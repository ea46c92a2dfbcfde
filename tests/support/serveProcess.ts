// `citebot serve` as a child process, started the one way the HTTP tests, the load
// benchmark and the deploy check all start it: the built bin/citebot.js, an empty working
// folder (so a developer's .env cannot leak in), only the variables given, and the bound
// address read from the one line serve prints on stdout.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../../src/paths/packageRoot.js';

/** The built entry point (this file also runs compiled, from dist/). */
export const BIN = join(packageRoot(), 'bin', 'citebot.js');

/** Only what the caller sets: no DISCORD_*, CITEBOT_*, LOG_LEVEL or NODE_OPTIONS from the shell that runs it. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('DISCORD_') || key.startsWith('CITEBOT_') || key === 'LOG_LEVEL' || key === 'NODE_OPTIONS') delete env[key];
  return { ...env, ...extra };
}

/** A port free on 127.0.0.1 right now (for a process that must be given its port, and keep it across restarts). */
export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

export interface HttpResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request on its own connection (no keep-alive pool to outlive the caller). */
export function httpRequest(url: string, init: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: init.method ?? 'GET', headers: init.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

export interface SpawnServeOptions {
  env: Record<string, string>;
  /** Default: a free port on 127.0.0.1. */
  port?: number;
  /** Extra node flags (e.g. --cpu-prof). */
  nodeArgs?: string[];
  /** Another script that prints "listening on URL" (the load benchmark's baseline server); default citebot serve. */
  script?: string[];
  cwd?: string;
  listenTimeoutMs?: number;
}

export interface ServeChild {
  /** Where it listens, as it printed it. */
  url: string;
  port: number;
  child: ChildProcessWithoutNullStreams;
  /** Everything written to stderr so far (JSON log lines). */
  stderr(): string;
  exited: Promise<[number | null, NodeJS.Signals | null]>;
  /** Sends `signal` (default SIGTERM) unless it has exited, and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts it and resolves once it listens (not once it is ready: see waitHealthy). */
export async function spawnServe(options: SpawnServeOptions): Promise<ServeChild> {
  const script = options.script ?? [BIN, 'serve', '--port', String(options.port ?? 0), '--host', '127.0.0.1'];
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...script], {
    cwd: options.cwd ?? mkdtempSync(join(tmpdir(), 'citebot-serve-')),
    env: cleanEnv(options.env),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  const timeoutMs = options.listenTimeoutMs ?? 15_000;

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

  return {
    url,
    port: Number(new URL(url).port),
    child,
    stderr: () => stderr,
    exited,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const [code] = await exited;
      return code;
    },
  };
}

/** Polls GET /healthz until it is 200; fails early if `child` exits meanwhile. */
export async function waitHealthy(url: string, { timeoutMs = 15_000, child }: { timeoutMs?: number; child?: ChildProcessWithoutNullStreams } = {}): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child && (child.exitCode !== null || child.signalCode !== null)) throw new Error(`serve exited (${child.exitCode ?? child.signalCode}) while loading`);
    const health = await httpRequest(`${url}/healthz`).catch(() => undefined);
    if (health?.status === 200) return;
    if (Date.now() > deadline) throw new Error(`serve not ready within ${timeoutMs} ms (last /healthz: ${health?.status} ${health?.body})`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
