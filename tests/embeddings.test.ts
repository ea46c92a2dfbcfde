import { describe, expect, it } from 'vitest';
import { embeddingsFile, loadEmbeddings } from '../src/lexicon/embeddings.js';
import { stemWord } from '../src/text/tokenize.js';

const vectors = loadEmbeddings();
const similarity = (a: string, b: string) => vectors.similarity(stemWord(a), stemWord(b));

describe('word vectors, looked up in place in src/lexicon/embeddings.bin', () => {
  it('relates words WordNet does not: firms and enterprises, workers and employees', () => {
    expect(similarity('firms', 'enterprises')!).toBeGreaterThan(0.5);
    expect(similarity('workers', 'employees')!).toBeGreaterThan(0.5);
    expect(similarity('firms', 'enterprises')!).toBeGreaterThan(similarity('firms', 'bananas')!);
  });

  it('finds every term of the table at its own row, and no word it lacks', () => {
    const first = vectors.rowOf(stemWord('enterprises'));
    expect(first).toBeGreaterThanOrEqual(0);
    expect(vectors.similarityOfRows(first, first)).toBeCloseTo(1, 1);
    expect(vectors.rowOf('qqqzzx')).toBe(-1);
    expect(vectors.rowOf('')).toBe(-1);
    expect(vectors.similarity('qqqzzx', 'firm')).toBeNull();
  });

  it('lays out a table the reader can binary-search: terms in byte order, offsets aligned to 4 bytes', () => {
    const rows = [Int8Array.from([127, 0]), Int8Array.from([0, 127]), Int8Array.from([90, 90])];
    const file = embeddingsFile(2, ['alpha', 'beta', 'gamma'], rows);
    const header = file.subarray(0, file.indexOf(10)).toString();
    expect(header).toMatch(/^citebot-embeddings 2 \d+$/);
    const body = file.toString('latin1');
    expect(body.indexOf('alphabetagamma')).toBeGreaterThan(0);
    // The offsets start on a multiple of 4 and the rows end the file.
    const offsetsAt = body.indexOf('alphabetagamma') + 'alphabetagamma'.length;
    const aligned = offsetsAt + ((4 - (offsetsAt % 4)) % 4);
    expect(Array.from(new Uint32Array(Uint8Array.from(file.subarray(aligned, aligned + 16)).buffer))).toEqual([0, 5, 9, 14]);
    expect(file.length).toBe(aligned + 16 + 6);
  });
});
