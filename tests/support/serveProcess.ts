// `citebot serve` as a child process, started the one way the HTTP tests, the load
// benchmark and the deploy check all start it: the built bin/citebot.js, an empty working
// folder (so a developer's .env cannot leak in), only the variables given, and the bound
// address read from the one line serve prints on stdout. startServe adds what playing
// Discord needs: a key pair, signed POSTs, the parsed log, and how long it took to start.
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { BIN, emptyFolder, startCitebot, type CitebotProcess } from './cli.js';
import { makeKeyPair, signatureHeaders, type KeyPair } from './discordSigning.js';

export { BIN, cleanEnv } from './cli.js';

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
export function httpRequest(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<HttpResult> {
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

/** Signs and POSTs an interaction (or any body) to /interactions, as Discord would. */
export type SignedPost = (payload: unknown, options?: { timestamp?: string; headers?: Record<string, string> }) => Promise<HttpResult>;

export function signedPost(url: string, keys: KeyPair): SignedPost {
  return (payload, { timestamp, headers = {} } = {}) => {
    const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
    return httpRequest(`${url}/interactions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signatureHeaders(keys, body, timestamp), ...headers },
      body,
    });
  };
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

export interface ServeChild extends CitebotProcess {
  /** Where it listens, as it printed it. */
  url: string;
  port: number;
}

/** Starts it and resolves once it listens (not once it is ready: see waitHealthy). */
export async function spawnServe(options: SpawnServeOptions): Promise<ServeChild> {
  const [bin = BIN, ...args] = options.script ?? [BIN, 'serve', '--port', String(options.port ?? 0), '--host', '127.0.0.1'];
  // An empty folder of its own unless given one, removed when the process has exited.
  const cwd = options.cwd ?? emptyFolder('citebot-serve-');
  const run = startCitebot(args, { cwd, env: options.env, bin, nodeArgs: options.nodeArgs ?? [] });
  if (!options.cwd) void run.exited.then(() => rmSync(cwd, { recursive: true, force: true }));
  const timeoutMs = options.listenTimeoutMs ?? 15_000;
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not print its address within ${timeoutMs} ms\n${run.stderr()}`)), timeoutMs);
    const check = () => {
      const match = /^listening on (http:\/\/\S+)$/m.exec(run.stdout());
      if (!match) return;
      clearTimeout(timer);
      resolve(match[1]!);
    };
    run.child.stdout.on('data', check);
    void run.exited.then(([code, signal]) => {
      clearTimeout(timer);
      reject(new Error(`serve exited (${code ?? signal}) before listening\n${run.stderr()}`));
    });
  });
  return { ...run, url, port: Number(new URL(url).port) };
}

/** Polls GET /healthz until it is 200; fails early if `child` exits meanwhile. */
export async function waitHealthy(
  url: string,
  { timeoutMs = 15_000, child }: { timeoutMs?: number; child?: ChildProcessWithoutNullStreams } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child && (child.exitCode !== null || child.signalCode !== null))
      throw new Error(`serve exited (${child.exitCode ?? child.signalCode}) while loading`);
    const health = await httpRequest(`${url}/healthz`).catch(() => undefined);
    if (health?.status === 200) return;
    if (Date.now() > deadline) throw new Error(`serve not ready within ${timeoutMs} ms (last /healthz: ${health?.status} ${health?.body})`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Anything that answers signed interactions: the real process, or startServer in-process. */
export interface SignedEndpoint {
  url: string;
  keys: KeyPair;
  post: SignedPost;
}

export interface ServeProcess extends SignedEndpoint, ServeChild {
  /** Spawn → the listening line, and spawn → /healthz 200 (index loaded; equal to listeningMs when not waited for). */
  listeningMs: number;
  readyMs: number;
}

export interface StartServeOptions extends Omit<SpawnServeOptions, 'env' | 'listenTimeoutMs'> {
  /** Over the defaults: DISCORD_PUBLIC_KEY (the keys' public half) and a drain delay of 0 (most runs stop servers and should not wait). */
  env?: Record<string, string>;
  /** Default: a key pair made for this server. */
  keys?: KeyPair;
  /** Wait until /healthz says ready (default true). */
  waitReady?: boolean;
  /** For listening and for becoming ready, each (default 15 s). */
  timeoutMs?: number;
}

/** `citebot serve` on a free port, answering signed interactions; resolves once ready (unless told not to wait). */
export async function startServe(options: StartServeOptions = {}): Promise<ServeProcess> {
  const { keys = makeKeyPair(), env = {}, waitReady = true, timeoutMs = 15_000, ...spawn } = options;
  const started = performance.now();
  const child = await spawnServe({
    ...spawn,
    env: { DISCORD_PUBLIC_KEY: keys.publicKeyHex, CITEBOT_HTTP_DRAIN_SECONDS: '0', ...env },
    listenTimeoutMs: timeoutMs,
  });
  const listeningMs = performance.now() - started;
  if (waitReady) {
    try {
      await waitHealthy(child.url, { timeoutMs, child: child.child });
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${child.stderr()}`);
    }
  }
  return {
    ...child,
    keys,
    post: signedPost(child.url, keys),
    listeningMs,
    readyMs: performance.now() - started,
  };
}
