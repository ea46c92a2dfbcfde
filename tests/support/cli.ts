// Running the built CLI as a user would, for the tests that check what a person sees.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Default: the repository root. */
  cwd?: string;
  /** Added to an environment without any citebot or Discord setting, so a developer's own cannot leak in. */
  env?: Record<string, string>;
  input?: string;
  /** Another copy of citebot's bin/citebot.js. */
  bin?: string;
}

function prepare({ cwd = ROOT, env = {}, bin = join(ROOT, 'bin', 'citebot.js') }: CliOptions) {
  const base = { ...process.env };
  for (const key of Object.keys(base)) if (key.startsWith('DISCORD_') || key.startsWith('CITEBOT_') || key === 'LOG_LEVEL') delete base[key];
  return { bin, options: { cwd, env: { ...base, ...env } } };
}

export function citebot(args: string[], options: CliOptions = {}): CliRun {
  const { bin, options: spawnOptions } = prepare(options);
  const result = spawnSync(process.execPath, [bin, ...args], { ...spawnOptions, input: options.input ?? '', encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The same, without waiting: for runs at the same time. */
export function citebotAsync(args: string[], options: CliOptions = {}): Promise<CliRun> {
  const { bin, options: spawnOptions } = prepare(options);
  const child = spawn(process.execPath, [bin, ...args], { ...spawnOptions, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** What a mistake must never look like: a crash report instead of a sentence. */
export const CRASH = /unexpected error|\n\s+at |node:internal/;

/** Temporary folders for one test file; `removeAll` in afterAll. */
export function tempFolders(prefix: string) {
  const made: string[] = [];
  return {
    make: () => {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      made.push(dir);
      return dir;
    },
    removeAll: () => {
      for (const dir of made) rmSync(dir, { recursive: true, force: true });
    },
  };
}
