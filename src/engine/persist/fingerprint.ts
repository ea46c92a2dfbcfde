import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RANKING } from '../rankingParameters.js';

/** The layout of an index file (indexFile.ts); raise it when the layout changes. */
export const INDEX_FORMAT = 4;

/**
 * Everything besides the corpus that decides what an index holds, relative to the package root:
 * the compiled engine, text analysis and corpus modules, and any model or data file the engine
 * reads. Change any of these and indexes built before are refused. Add new inputs here.
 */
export const FINGERPRINT_INPUTS: { dir: string; files: RegExp; recursive: boolean }[] = [
  { dir: 'dist/src/engine', files: /\.(js|json)$/, recursive: true },
  { dir: 'dist/src/text', files: /\.js$/, recursive: true },
  { dir: 'dist/src/corpus', files: /\.js$/, recursive: true },
  { dir: 'src/engine/model', files: /\.json$/, recursive: false },
  // The date parser's version: another version may resolve "last month" otherwise.
  { dir: 'node_modules/chrono-node', files: /^package\.json$/, recursive: false },
];

// Compiled, this module is dist/src/engine/persist/fingerprint.js; under vitest it is
// src/engine/persist/fingerprint.ts. Both find the package root from here, and both hash the
// compiled files, so an index built by a test and one built by the CLI agree.
const here = fileURLToPath(new URL('.', import.meta.url));
const packageRoot = basename(resolve(here, '../../..')) === 'dist' ? resolve(here, '../../../..') : resolve(here, '../../..');

let codeDigest: string | undefined;

/** The files' digest is taken once per process; RANKING is read on every call (benchmarks vary it). */
export function engineFingerprint(): string {
  codeDigest ??= digestOfInputs();
  return createHash('sha256')
    .update(`${INDEX_FORMAT}\0${JSON.stringify(RANKING)}\0${codeDigest}`)
    .digest('hex')
    .slice(0, 16);
}

function digestOfInputs(): string {
  const hash = createHash('sha256');
  const files = FINGERPRINT_INPUTS.flatMap(({ dir, files, recursive }) => filesUnder(join(packageRoot, dir), files, recursive)).sort();
  for (const file of files) hash.update(relative(packageRoot, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

function filesUnder(dir: string, pattern: RegExp, recursive: boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return recursive ? filesUnder(path, pattern, recursive) : [];
    return entry.isFile() && pattern.test(entry.name) ? [path] : [];
  });
}
