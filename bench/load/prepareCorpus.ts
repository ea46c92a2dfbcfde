/**
 * A big corpus for the load test: SelQA sections grown to about N sentences by bench/scale's
 * growCorpus (one copy per size, kept in the temp folder and reused), with its prebuilt index
 * written by `citebot build-index`, so that serve's start-up is a load, not a build.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../../src/paths/packageRoot.js';
import { growCorpus, type GrownCorpus } from '../scale/growCorpus.js';

export interface PreparedCorpus {
  dir: string;
  grown: GrownCorpus | null;
  /** null when the corpus (or its index) was already there. */
  growMs: number | null;
  buildIndexMs: number | null;
  /** build-index's own summary line. */
  buildIndexSays: string | null;
}

const MARKER = '.load-grown.json';

/** The folder for a grown corpus of `sentences`; grown on first use, reused after. */
export function grownCorpus(
  sentences: number,
  progress: (text: string) => void,
): { dir: string; grown: GrownCorpus; growMs: number | null } {
  const dir = join(tmpdir(), `citebot-load-corpus-${sentences}`);
  const marker = join(dir, MARKER);
  if (existsSync(marker)) return { dir, grown: JSON.parse(readFileSync(marker, 'utf8')) as GrownCorpus, growMs: null };
  rmSync(dir, { recursive: true, force: true });
  const started = performance.now();
  const grown = growCorpus(dir, sentences, undefined, progress);
  // Outside the corpus files (dot files are not corpus), written last: its presence means complete.
  writeFileSync(marker, JSON.stringify(grown));
  return { dir, grown, growMs: performance.now() - started };
}

/** Runs `citebot build-index --corpus DIR` (its default output, DIR/.citebot-index, is where serve looks). */
export function buildIndex(dir: string, nodeArgs: string[] = []): { ms: number; says: string } {
  const started = performance.now();
  const out = execFileSync(process.execPath, [...nodeArgs, join(packageRoot(), 'bin', 'citebot.js'), 'build-index', '--corpus', dir], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * 1024 * 1024,
  });
  return { ms: performance.now() - started, says: out.trim() };
}

export const indexFileOf = (dir: string) => join(dir, '.citebot-index');
