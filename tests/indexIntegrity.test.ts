import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus/loadCorpus.js';
import { createEngine, defaultIndexFile, loadEngine, type Engine } from '../src/engine/engine.js';
import { crc32, crc32InJs } from '../src/binary/checksum.js';
import { corpusDigest } from '../src/engine/persist/corpusDigest.js';
import { engineFingerprint, INDEX_FORMAT } from '../src/engine/persist/fingerprint.js';
import { writeIndexFile } from '../src/engine/persist/indexFile.js';
import { RANKING } from '../src/engine/rankingParameters.js';

const QUESTIONS = [
  'how many IoT enterprises in Wuxi',
  'who is the vice-mayor of Wuxi',
  'when was the World Internet of Things Expo held',
  'what is the capital of France',
];

let dir: string;
let file: string;
let pristine: Buffer;
let fresh: Engine;
let expected: unknown[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'citebot-integrity-'));
  for (const f of readdirSync('corpus')) if (f.endsWith('.md')) copyFileSync(join('corpus', f), join(dir, f));
  fresh = createEngine(loadCorpus(dir));
  file = defaultIndexFile(dir);
  writeIndexFile(file, fresh.index, corpusDigest(dir));
  pristine = readFileSync(file);
  expected = QUESTIONS.map((q) => fresh.ask(q));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Loads the engine from whatever is in the index file now: its notices, and whether it answers as the fresh engine does. */
function loadWith(bytes: Uint8Array): { notices: string[]; answers: unknown[] } {
  writeFileSync(file, bytes);
  const notices: string[] = [];
  const engine = loadEngine(dir, { notice: (m) => notices.push(m) });
  return { notices, answers: QUESTIONS.map((q) => engine.ask(q)) };
}

function flipped(position: number, bit: number): Buffer {
  const copy = Buffer.from(pristine);
  copy[position]! ^= 1 << bit;
  return copy;
}

/** Where each part of the file lies, read from its own header (the layout writeIndexFile documents). */
function regions(bytes: Buffer): Map<string, [number, number]> {
  const firstLine = bytes.toString('latin1', 0, 64).split('\n')[0]!;
  const headStart = firstLine.length + 1;
  const headEnd = headStart + Number(firstLine.split(' ')[2]);
  const header = JSON.parse(bytes.toString('utf8', headStart, headEnd)) as { arrays: { name: string; type: string; length: number }[] };
  const out = new Map<string, [number, number]>([
    ['first line', [0, headStart]],
    ['header', [headStart, headEnd]],
  ]);
  let offset = headEnd;
  for (const { name, type, length } of header.arrays) {
    offset += (4 - (offset % 4)) % 4;
    const end = offset + length * (type === 'u8' ? 1 : 4);
    out.set(name, [offset, end]);
    offset = end;
  }
  out.set('checksum', [bytes.length - 4, bytes.length]);
  return out;
}

/** The header rewritten, padded to its old length so the arrays stay where they are, and the file resealed with a correct checksum. */
function withHeader(edit: (header: Record<string, unknown>) => unknown): Buffer {
  const [headStart, headEnd] = regions(pristine).get('header')!;
  const header = JSON.stringify(edit(JSON.parse(pristine.toString('utf8', headStart, headEnd)) as Record<string, unknown>));
  const bytes = Buffer.from(pristine);
  const written = Buffer.from(header, 'utf8');
  if (written.length > headEnd - headStart) throw new Error('the edited header must not grow');
  bytes.fill(0x20, headStart, headEnd);
  written.copy(bytes, headStart);
  return resealed(bytes);
}

/** One array's values edited in place (as 32-bit numbers), and the file resealed with a correct checksum. */
function withArray(name: string, edit: (values: Uint32Array) => void): Buffer {
  const [start, end] = regions(pristine).get(name)!;
  const bytes = Buffer.from(pristine);
  edit(new Uint32Array(bytes.buffer, bytes.byteOffset + start, (end - start) / 4));
  return resealed(bytes);
}

function resealed(bytes: Buffer): Buffer {
  bytes.writeUInt32LE(zlibCrc32(bytes.subarray(0, bytes.length - 4)), bytes.length - 4);
  return bytes;
}

describe('a prebuilt index with one bit flipped', () => {
  it('is refused with a notice naming the file, wherever the bit is, and every answer is the one the corpus gives', () => {
    const layout = regions(pristine);
    const quoted = pristine.indexOf('home to 3,657 IoT enterprises');
    expect(quoted).toBeGreaterThan(layout.get('texts')![0]);
    // ~60 positions spread evenly over the file, then the start and end of every region,
    // every byte of "3,657" in the quoted sentence, and the first line's magic, format and length.
    const positions = new Set<number>();
    for (let k = 0; k < 60; k++) positions.add(Math.floor(((k + 0.5) * pristine.length) / 60));
    for (const [start, end] of layout.values())
      if (end > start)
        positions
          .add(start)
          .add(end - 1)
          .add((start + end) >> 1);
    for (let k = 0; k < 5; k++) positions.add(quoted + 'home to '.length + k);
    for (const at of [0, 'citebot-index '.length, `citebot-index ${INDEX_FORMAT} `.length]) positions.add(at);

    const hit = new Set<string>();
    for (const position of [...positions].sort((a, b) => a - b)) {
      const bit = position % 8;
      for (const [name, [start, end]] of layout) if (position >= start && position < end) hit.add(name);
      const { notices, answers } = loadWith(flipped(position, bit));
      expect(notices, `byte ${position} bit ${bit}`).toEqual([expect.stringContaining(`the prebuilt index ${file} cannot be used: `)]);
      expect(answers, `byte ${position} bit ${bit}`).toEqual(expected);
    }
    // Every region of the file was hit: the header, the texts, the postings and every other array.
    expect([...layout.keys()].filter((name) => !hit.has(name) && layout.get(name)![1] > layout.get(name)![0])).toEqual([]);
  });

  it('in the quoted "3,657" says the file is damaged, and the answer still quotes 3,657', () => {
    const at = pristine.indexOf('home to 3,657') + 'home to '.length;
    const { notices, answers } = loadWith(flipped(at, 3)); // "3" → ";"
    expect(notices.join('\n')).toMatch(/checksum does not match its contents: the file is damaged/);
    expect(JSON.stringify(answers[0])).toContain('3,657 IoT enterprises');
  });

  it('intact, it is used as it is: no notice, the same answers', () => {
    expect(loadWith(pristine)).toEqual({ notices: [], answers: expected });
  });
});

describe('a prebuilt index that passes its checksum but cannot be decoded', () => {
  it.each([
    [
      'an array length of -1',
      (h: Record<string, unknown>) => ({
        ...h,
        arrays: (h.arrays as { length: number }[]).map((a, i) => (i === 3 ? { ...a, length: -1 } : a)),
      }),
      /array .* impossible type or length/,
    ],
    [
      'an article dropped from the header',
      (h: Record<string, unknown>) => ({
        ...h,
        articles: Object.fromEntries(
          Object.entries(h.articles as Record<string, unknown[]>).map(([k, v]) => [k, k === 'files' || k === 'notes' ? v : v.slice(0, -1)]),
        ),
      }),
      /belongs to article 4, which it does not list/,
    ],
    ['no articles at all', (h: Record<string, unknown>) => ({ ...h, articles: null }), /cannot be decoded \(.*null/],
    [
      'an array missing',
      (h: Record<string, unknown>) => ({ ...h, arrays: (h.arrays as { name: string }[]).filter((a) => a.name !== 'texts') }),
      /lacks the array texts/,
    ],
    ['arrays of another shape', (h: Record<string, unknown>) => ({ ...h, terms: 'only\nthree\nterms' }), /do not fit/],
    ['a header that is not an index header', () => null, /cannot be decoded \(Cannot read properties of null/],
    [
      'an unknown array type',
      (h: Record<string, unknown>) => ({
        ...h,
        arrays: (h.arrays as { type: string }[]).map((a) => (a.type === 'u32' ? { ...a, type: 'u64' } : a)),
      }),
      /impossible type or length \(u64/,
    ],
    [
      'autocomplete names that are not texts',
      (h: Record<string, unknown>) => ({ ...h, entities: [1, 2] }),
      /its entities are not a list of texts/,
    ],
    [
      'an article column shorter than the ids',
      (h: Record<string, unknown>) => ({ ...h, articles: { ...(h.articles as object), title: [] } }),
      /its article titles are 0, for 5 articles/,
    ],
  ])('(%s) is refused with a notice, never a crash', (_what, edit, why) => {
    const { notices, answers } = loadWith(withHeader(edit));
    expect(notices).toEqual([expect.stringMatching(why)]);
    expect(notices[0]).toContain(file);
    expect(answers).toEqual(expected);
  });

  // Sentence texts are decoded when first read: what decoding them relies on is checked at load.
  it.each([
    [
      'sentence texts whose offsets go backwards',
      'textStart',
      (v: Uint32Array) => void ([v[1], v[2]] = [v[2]!, v[1]!]),
      /its textStart goes backwards at 2/,
    ],
    [
      'a sentence under a heading the file does not list',
      'sentenceHeading',
      (v: Uint32Array) => void (v[0] = 999),
      /its sentence 0 is under heading 999/,
    ],
    ['sentences out of article order', 'articleOf', (v: Uint32Array) => void (v[0] = 1), /belongs to article 0, after article 1/],
  ])('(%s) is refused with a notice, never a crash', (_what, name, edit, why) => {
    const { notices, answers } = loadWith(withArray(name, edit));
    expect(notices).toEqual([expect.stringMatching(why)]);
    expect(answers).toEqual(expected);
  });

  it.each([
    ['header JSON cut short', (b: Buffer) => resealed(Buffer.concat([b.subarray(0, 40), Buffer.from('{"magic":'), b.subarray(49)]))],
    [
      'a header length past the end',
      (b: Buffer) => resealed(Buffer.concat([Buffer.from(`citebot-index ${INDEX_FORMAT} 99999999\n`), b.subarray(b.indexOf('\n') + 1)])),
    ],
    ['a truncated file', (b: Buffer) => b.subarray(0, b.length - 500)],
    ['an empty file', () => Buffer.alloc(0)],
    [
      'an index of an older format',
      (b: Buffer) =>
        Buffer.concat([Buffer.from(`citebot-index ${INDEX_FORMAT - 1} `), b.subarray(`citebot-index ${INDEX_FORMAT} `.length)]),
    ],
  ])('(%s) is refused with a notice, never a crash', (_what, damage) => {
    const { notices, answers } = loadWith(damage(Buffer.from(pristine)));
    expect(notices).toEqual([expect.stringContaining(`the prebuilt index ${file} cannot be used: `)]);
    expect(answers).toEqual(expected);
  });
});

describe('the fingerprint of the code that builds an index', () => {
  it('an index written by other ranking code is refused with a notice', () => {
    const other = join(dir, 'other.citebot-index');
    writeIndexFile(other, fresh.index, corpusDigest(dir), '0123456789abcdef');
    const notices: string[] = [];
    const engine = loadEngine(dir, { indexFile: other, notice: (m) => notices.push(m) });
    expect(notices).toEqual([
      expect.stringMatching(
        new RegExp(
          `${other} cannot be used: it was built by other indexing or ranking code \\(fingerprint 0123456789abcdef; this citebot's is ${engineFingerprint()}\\)`,
        ),
      ),
    ]);
    expect(QUESTIONS.map((q) => engine.ask(q))).toEqual(expected);
  });

  it('changes with the ranking parameters, and is otherwise stable', () => {
    const before = engineFingerprint();
    expect(before).toMatch(/^[0-9a-f]{16}$/);
    const b = RANKING.bm25.b;
    try {
      RANKING.bm25.b = 0.5;
      expect(engineFingerprint()).not.toBe(before);
    } finally {
      RANKING.bm25.b = b;
    }
    expect(engineFingerprint()).toBe(before);
  });

  it('an index file that was asked for but does not exist is said, and the corpus is indexed', () => {
    const notices: string[] = [];
    const missing = join(dir, 'missing.citebot-index');
    const engine = loadEngine(dir, { indexFile: missing, notice: (m) => notices.push(m) });
    expect(notices).toEqual([expect.stringMatching(new RegExp(`${missing} does not exist.*build-index --out`))]);
    expect(engine.ask(QUESTIONS[0]!)).toEqual(expected[0]);
  });
});

describe('the checksum', () => {
  it('is the same CRC-32 in JavaScript (Node before 20.15) as zlib computes', () => {
    const bytes = pristine.subarray(0, 100_000);
    expect(crc32InJs(bytes)).toBe(zlibCrc32(bytes));
    expect(crc32InJs(bytes.subarray(5000), crc32InJs(bytes.subarray(0, 5000)))).toBe(zlibCrc32(bytes));
  });

  it('runs on across an empty array (an index with no relative years has one), where zlib alone would restart at 0', () => {
    const bytes = pristine.subarray(0, 1000);
    const empty = new Uint8Array(new Uint32Array(0).buffer);
    expect(crc32(bytes.subarray(500), crc32(empty, crc32(bytes.subarray(0, 500))))).toBe(zlibCrc32(bytes));
  });
});
