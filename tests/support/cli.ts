// Running the built CLI as a user would: to completion (citebot, citebotAsync) or as a
// long-running process whose JSON log lines are read as they come (startCitebot: `bot`,
// `bot --shards`, and `serve` through serveProcess.ts). Every run gets an environment
// without any citebot or Discord setting of the developer's, plus only what it is given.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../../src/paths/packageRoot.js';

/** The repository root (this file also runs compiled, from dist/, in the benchmarks). */
export const ROOT = packageRoot();
/** The built entry point. */
export const BIN = join(ROOT, 'bin', 'citebot.js');

/**
 * Only what the caller sets: no DISCORD_*, CITEBOT_*, LOG_LEVEL, NODE_OPTIONS or colour settings from the shell that runs it;
 * "Not it?" feedback off unless the caller turns it on (with a file of its own), so no run writes into the repository.
 */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  const inherited = new Set(['LOG_LEVEL', 'NODE_OPTIONS', 'FORCE_COLOR', 'NO_COLOR']);
  for (const key of Object.keys(env)) if (key.startsWith('DISCORD_') || key.startsWith('CITEBOT_') || inherited.has(key)) delete env[key];
  return { ...env, CITEBOT_FEEDBACK: 'off', ...extra };
}

/** A fresh empty folder to run in, so a developer's own .env cannot leak into a run. */
export const emptyFolder = (prefix = 'citebot-run-'): string => mkdtempSync(join(tmpdir(), prefix));

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Default: the repository root. */
  cwd?: string;
  /** Added to the clean environment. */
  env?: Record<string, string>;
  input?: string;
  /** startCitebot: leave stdin open after `input`, for the test to write more lines to `child.stdin` (and end it). */
  keepInputOpen?: boolean;
  /** Another copy of citebot's bin/citebot.js. */
  bin?: string;
  /** Flags for node itself, before the script (e.g. --cpu-prof). */
  nodeArgs?: string[];
  timeoutMs?: number;
}

const argv = (args: string[], { bin = BIN, nodeArgs = [] }: CliOptions) => [...nodeArgs, bin, ...args];

export function citebot(args: string[], options: CliOptions = {}): CliRun {
  const result = spawnSync(process.execPath, argv(args, options), {
    cwd: options.cwd ?? ROOT,
    env: cleanEnv(options.env),
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The same, without waiting: for runs at the same time. */
export async function citebotAsync(args: string[], options: CliOptions = {}): Promise<CliRun> {
  const run = startCitebot(args, options);
  const [status] = await run.exited;
  return { status, stdout: run.stdout(), stderr: run.stderr() };
}

export interface LogLine {
  level: string;
  msg: string;
  [field: string]: unknown;
}

export interface CitebotProcess {
  child: ChildProcessWithoutNullStreams;
  /** Everything written so far. */
  stdout(): string;
  stderr(): string;
  /** stderr's lines so far, each parsed as the JSON log line it must be. */
  logs(): LogLine[];
  exited: Promise<[number | null, NodeJS.Signals | null]>;
  /** Sends `signal` (default SIGTERM) unless it has exited, and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts `citebot <args>` and returns at once; stdin carries `input` (or nothing) and ends, unless kept open. */
export function startCitebot(args: string[], options: CliOptions = {}): CitebotProcess {
  const child = spawn(process.execPath, argv(args, options), {
    cwd: options.cwd ?? ROOT,
    env: cleanEnv(options.env),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  if (options.keepInputOpen) child.stdin.write(options.input ?? '');
  else child.stdin.end(options.input ?? '');
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    logs: () =>
      stderr
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as LogLine),
    exited,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const [code] = await exited;
      return code;
    },
  };
}

/** What a mistake must never look like: a crash report instead of a sentence. */
export const CRASH = /unexpected error|\n\s+at |node:internal/;

/** Temporary folders for one test file; `removeAll` in afterAll. */
export function tempFolders(prefix: string) {
  const made: string[] = [];
  return {
    make: () => {
      const dir = emptyFolder(prefix);
      made.push(dir);
      return dir;
    },
    removeAll: () => {
      for (const dir of made) rmSync(dir, { recursive: true, force: true });
    },
  };
}
