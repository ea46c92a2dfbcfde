/**
 * What verifying a prebuilt index's CRC-32 costs at about 1M sentences: a synthetic index of the
 * real one's shape (1M sentences of ~120 characters, 22k terms, ~18 terms per sentence: ~410 MB,
 * against 359 MB for SelQA grown to 1M), written with writeIndexFile and read back with
 * readIndexFile, timing the checksum on its own. Also times engineFingerprint() once.
 * Run: npx tsc -p tsconfig.json && node --max-old-space-size=6000 dist/bench/checksumCost.js
 */
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Article, Sentence } from '../src/corpus/schema.js';
import type { Csr } from '../src/engine/csr.js';
import { crc32 } from '../src/binary/checksum.js';
import { engineFingerprint } from '../src/engine/persist/fingerprint.js';
import { readIndexFile, writeIndexFile } from '../src/engine/persist/indexFile.js';
import { withAccessors, type IndexData } from '../src/engine/sentenceIndex.js';

/** The 1M-sentence load time measured by bench:scale (README), which the checksum is weighed against. */
const LOAD_MS_AT_1M = 710;
const SENTENCES = 1_000_000;
const PER_ARTICLE = 56;
const TERMS = 22_000;
const SECTIONS = SENTENCES / 10;

let t = performance.now();
const fingerprint = engineFingerprint();
console.log(`engineFingerprint: ${(performance.now() - t).toFixed(1)} ms the first time (hashes the compiled engine), ${fingerprint}`);

const csr = (rows: number, perRow: number, bound: number): Csr => {
  const start = Uint32Array.from({ length: rows + 1 }, (_, i) => i * perRow);
  const data = Uint32Array.from({ length: rows * perRow }, (_, i) => ((i * 2654435761) >>> 0) % bound);
  return { start, data };
};
const sentence = 'Statistic show that Wuxi is now home to 3,657 IoT enterprises, covering the entire industry chain including chips.';
const articles: Article[] = [];
const sentences: Sentence[] = [];
while (sentences.length < SENTENCES) {
  const id = `a${articles.length}`;
  const article: Article = {
    id,
    title: `Article ${id}`,
    date: '2020-12-18',
    datePrecision: 'day',
    source: 'example.com',
    url: null,
    file: `${id}.md`,
    sections: [],
    sentences: [],
  };
  for (let i = 0; i < PER_ARTICLE && sentences.length < SENTENCES; i++) {
    const s: Sentence = {
      id: `${id}:${i}`,
      documentId: id,
      index: i,
      text: `${sentence} ${sentences.length}`,
      section: null,
      paragraph: i >> 1,
    };
    article.sentences.push(s);
    sentences.push(s);
  }
  articles.push(article);
}
const sentenceTerms = csr(SENTENCES, 18, TERMS);
const index = withAccessors({
  articles,
  sentenceCount: sentences.length,
  articleStart: Uint32Array.from({ length: articles.length + 1 }, (_, i) => Math.min(i * PER_ARTICLE, SENTENCES)),
  terms: Array.from({ length: TERMS }, (_, i) => `term${i}`),
  postings: csr(TERMS, Math.floor((18 * SENTENCES) / TERMS), SENTENCES),
  sentenceTerms,
  commonFlags: new Uint8Array(sentenceTerms.data.length),
  sequence: csr(SENTENCES, 15, TERMS),
  numbers: csr(SENTENCES, 1, TERMS),
  names: csr(SENTENCES, 2, TERMS),
  places: csr(SENTENCES, 1, TERMS),
  years: csr(SENTENCES, 0, 3000),
  answerFlags: new Uint8Array(SENTENCES),
  articleOf: Uint32Array.from({ length: SENTENCES }, (_, i) => Math.floor(i / PER_ARTICLE)),
  sectionOf: Uint32Array.from({ length: SENTENCES }, (_, i) => Math.floor(i / 10)),
  sectionStart: Uint32Array.from({ length: SECTIONS + 1 }, (_, i) => i * 10),
  contextTerms: csr(SECTIONS, 5, TERMS),
  contextPostings: csr(TERMS, Math.floor((5 * SECTIONS) / TERMS), SECTIONS),
  commonVocabulary: new Uint8Array(TERMS),
  lengthNorm: new Float32Array(SENTENCES),
  resolvedDates: new Map(),
  acronyms: new Map(),
  entities: [],
  topics: [],
} as unknown as IndexData);

const file = join(tmpdir(), `citebot-checksum-cost-${process.pid}.citebot-index`);
try {
  writeIndexFile(file, index, 'synthetic');
  for (let run = 1; run <= 5; run++) {
    const bytes = readFileSync(file);
    t = performance.now();
    crc32(bytes.subarray(0, bytes.length - 4));
    const crcMs = performance.now() - t;
    t = performance.now();
    readIndexFile(file);
    const loadMs = performance.now() - t;
    console.log(
      `run ${run}: ${(bytes.length / 1e6).toFixed(0)} MB; CRC-32 ${crcMs.toFixed(0)} ms (${(crcMs / (bytes.length / 1e6)).toFixed(2)} ms per MB); ` +
        `readIndexFile ${loadMs.toFixed(0)} ms, of which the CRC is ${((100 * crcMs) / loadMs).toFixed(1)}%; ${((100 * crcMs) / LOAD_MS_AT_1M).toFixed(1)}% of the ${LOAD_MS_AT_1M / 1000} s 1M load`,
    );
  }
} finally {
  rmSync(file, { force: true });
}
