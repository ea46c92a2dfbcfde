import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { corpusFiles } from '../../corpus/loadCorpus.js';

/**
 * A digest of a corpus folder's article files (names and bytes), so a prebuilt index can tell
 * whether it still describes the corpus. Hashing is much cheaper than parsing and indexing.
 */
export function corpusDigest(dir: string): string {
  const hash = createHash('sha256');
  for (const file of corpusFiles(dir)) {
    hash.update(basename(file));
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}
