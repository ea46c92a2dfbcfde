import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { Article, Sentence } from '../../corpus/schema.js';
import type { Csr } from '../csr.js';
import { attachVocabulary, longFormsOf, type SentenceIndex } from '../sentenceIndex.js';
import { crc32 } from './checksum.js';
import { engineFingerprint, INDEX_FORMAT as FORMAT } from './fingerprint.js';

/**
 * A built index on disk: a first line (magic, format, header length), a JSON header (the
 * fingerprint of the code that built it, the corpus digest, articles without their sentences,
 * the term table, array layout), every typed array's bytes as they are in memory, and last a
 * CRC-32 of every byte before it. Loading is reading one file, checking it and making views
 * on it: no tokenising, stemming or sorting.
 */
const MAGIC = 'citebot-index';
const CHECKSUM_BYTES = 4;

type ArrayName = 'postings' | 'sentenceTerms' | 'sequence' | 'numbers' | 'names' | 'places' | 'years' | 'contextTerms' | 'contextPostings';
const CSRS: ArrayName[] = ['postings', 'sentenceTerms', 'sequence', 'numbers', 'names', 'places', 'years', 'contextTerms', 'contextPostings'];
const FLAT = ['commonFlags', 'answerFlags', 'articleOf', 'sectionOf', 'sectionStart', 'commonVocabulary', 'lengthNorm'] as const;
type FlatName = (typeof FLAT)[number];
type Typed = Uint8Array | Uint32Array | Float32Array;
const BYTES = { u8: 1, u32: 4, f32: 4 } as const;

interface Header {
  magic: string;
  format: number;
  /** engineFingerprint() of the code that wrote it: an index is only read by the code that would build the same one. */
  fingerprint: string;
  digest: string;
  terms: string;
  articles: Omit<Article, 'sentences' | 'sections'>[];
  /** Per sentence: article number, section heading number (-1 for none), paragraph. */
  sentenceShape: { headings: string[] };
  resolvedDates: [number, SentenceIndex['resolvedDates'] extends Map<number, infer D> ? D : never][];
  acronyms: [string, string[]][];
  arrays: { name: string; type: keyof typeof BYTES; length: number }[];
}

/** Why a prebuilt index cannot be used: damaged, from other code, or not an index at all. */
export class IndexFileError extends Error {
  override name = 'IndexFileError';
}

export function writeIndexFile(path: string, index: SentenceIndex, digest: string, fingerprint = engineFingerprint()): void {
  const headings: string[] = [];
  const headingNumber = new Map<string, number>();
  const heading = (h: string | null) => {
    if (h === null) return -1;
    let n = headingNumber.get(h);
    if (n === undefined) headingNumber.set(h, (n = headings.push(h) - 1));
    return n;
  };
  // Heading numbers plus one, so that 0 can mean "no heading".
  const sentenceHeading = Uint32Array.from(index.sentences, (s) => heading(s.section) + 1);
  const paragraphs = Uint32Array.from(index.sentences, (s) => s.paragraph);
  const texts = Buffer.from(index.sentences.map((s) => s.text).join('\u0000'), 'utf8');

  const arrays: [string, Typed][] = [];
  for (const name of CSRS) arrays.push([`${name}.start`, index[name].start], [`${name}.data`, index[name].data]);
  for (const name of FLAT) arrays.push([name, index[name as FlatName]]);
  arrays.push(['sentenceHeading', sentenceHeading], ['paragraphs', paragraphs], ['texts', new Uint8Array(texts.buffer, texts.byteOffset, texts.byteLength)]);

  const header: Header = {
    magic: MAGIC,
    format: FORMAT,
    fingerprint,
    digest,
    terms: index.terms.join('\n'),
    articles: index.articles.map(({ sentences: _s, sections: _p, ...meta }) => meta),
    sentenceShape: { headings },
    resolvedDates: [...index.resolvedDates],
    acronyms: [...index.acronyms],
    arrays: arrays.map(([name, a]) => ({ name, type: a instanceof Float32Array ? 'f32' : a instanceof Uint8Array ? 'u8' : 'u32', length: a.length })),
  };
  const head = Buffer.from(JSON.stringify(header), 'utf8');
  const parts: Buffer[] = [Buffer.from(`${MAGIC} ${FORMAT} ${head.length}\n`), head];
  let offset = parts[0]!.length + head.length;
  for (const [, a] of arrays) {
    const pad = (4 - (offset % 4)) % 4; // keep every array 4-byte aligned for zero-copy views
    if (pad) parts.push(Buffer.alloc(pad));
    offset += pad + a.byteLength;
    parts.push(Buffer.from(a.buffer, a.byteOffset, a.byteLength));
  }
  const checksum = Buffer.alloc(CHECKSUM_BYTES);
  checksum.writeUInt32LE(parts.reduce((crc, part) => crc32(part, crc), 0));
  parts.push(checksum);
  // Write beside and rename, so a reader never sees half a file; and no half file is left behind.
  try {
    writeFileSync(`${path}.tmp`, Buffer.concat(parts));
    renameSync(`${path}.tmp`, path);
  } catch (error) {
    rmSync(`${path}.tmp`, { force: true });
    throw error;
  }
}

/**
 * A prebuilt index and the digest of the corpus it was built from. IndexFileError when it cannot
 * be used: unreadable, damaged (checksum), built by other code (fingerprint), or anything at all
 * going wrong while decoding it.
 */
export function readIndexFile(path: string, fingerprint = engineFingerprint()): { digest: string; index: SentenceIndex } {
  let file: Buffer;
  try {
    file = readFileSync(path);
  } catch (error) {
    throw new IndexFileError(`it cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  try {
    return decode(file, fingerprint);
  } catch (error) {
    // Whatever damaged bytes do to the decoder, the caller gets one kind of error and falls back to the corpus.
    if (error instanceof IndexFileError) throw error;
    throw new IndexFileError(`it cannot be decoded (${error instanceof Error ? error.message : String(error)})`);
  }
}

function decode(file: Buffer, fingerprint: string): { digest: string; index: SentenceIndex } {
  const firstLine = file.subarray(0, Math.min(file.length, 64)).toString('latin1').split('\n')[0] ?? '';
  const [magic, format, headLength] = firstLine.split(' ');
  if (magic !== MAGIC) throw new IndexFileError('it is not a citebot index');
  if (Number(format) !== FORMAT) throw new IndexFileError(`it has format ${format}, and this citebot reads format ${FORMAT}`);
  const end = file.length - CHECKSUM_BYTES;
  if (end < firstLine.length || crc32(file.subarray(0, end)) !== file.readUInt32LE(end)) {
    throw new IndexFileError('its checksum does not match its contents: the file is damaged or truncated');
  }
  const headStart = firstLine.length + 1;
  const headEnd = headStart + Number(headLength);
  if (!Number.isSafeInteger(headEnd) || headEnd > end) throw new IndexFileError(`its header length ${headLength} is impossible`);
  const header = JSON.parse(file.subarray(headStart, headEnd).toString('utf8')) as Header;
  if (header.fingerprint !== fingerprint) {
    throw new IndexFileError(`it was built by other indexing or ranking code (fingerprint ${header.fingerprint}; this citebot's is ${fingerprint})`);
  }

  let offset = headEnd;
  const arrays = new Map<string, Typed>();
  for (const { name, type, length } of header.arrays) {
    offset += (4 - (offset % 4)) % 4;
    const size = BYTES[type];
    if (!size || !Number.isSafeInteger(length) || length < 0) throw new IndexFileError(`its array ${name} has an impossible type or length (${type}, ${length})`);
    if (offset + length * size > end) throw new IndexFileError(`its array ${name} runs past the end of the file`);
    const buffer = file.buffer as ArrayBuffer;
    const at = file.byteOffset + offset;
    // readFileSync's buffer may start anywhere in a shared pool: copy when not aligned.
    const view = (Ctor: typeof Uint32Array | typeof Float32Array) =>
      at % 4 === 0 ? new Ctor(buffer, at, length) : new Ctor(new Uint8Array(file.subarray(offset, offset + length * 4)).buffer);
    arrays.set(name, type === 'u8' ? new Uint8Array(buffer, at, length) : view(type === 'f32' ? Float32Array : Uint32Array));
    offset += length * size;
  }
  const get = <T extends Typed>(name: string) => {
    const a = arrays.get(name);
    if (!a) throw new IndexFileError(`it lacks the array ${name}`);
    return a as T;
  };
  const csr = (name: ArrayName): Csr => ({ start: get<Uint32Array>(`${name}.start`), data: get<Uint32Array>(`${name}.data`) });

  const articles = restoreArticles(header, get<Uint32Array>('articleOf'), get<Uint32Array>('sentenceHeading'), get<Uint32Array>('paragraphs'), get<Uint8Array>('texts'));
  const terms = header.terms.split('\n');
  const acronyms = new Map(header.acronyms);
  const index = {
    articles,
    sentences: articles.flatMap((a) => a.sentences),
    terms,
    termIds: new Map(terms.map((t, i) => [t, i])),
    postings: csr('postings'),
    sentenceTerms: csr('sentenceTerms'),
    commonFlags: get<Uint8Array>('commonFlags'),
    sequence: csr('sequence'),
    numbers: csr('numbers'),
    names: csr('names'),
    places: csr('places'),
    years: csr('years'),
    answerFlags: get<Uint8Array>('answerFlags'),
    articleOf: get<Uint32Array>('articleOf'),
    sectionOf: get<Uint32Array>('sectionOf'),
    sectionStart: get<Uint32Array>('sectionStart'),
    contextTerms: csr('contextTerms'),
    contextPostings: csr('contextPostings'),
    commonVocabulary: get<Uint8Array>('commonVocabulary'),
    lengthNorm: get<Float32Array>('lengthNorm'),
    resolvedDates: new Map(header.resolvedDates),
    acronyms,
    longForms: longFormsOf(acronyms),
  };
  checkShape(index);
  return { digest: header.digest, index: attachVocabulary(index) };
}

/**
 * The arrays must agree in length with what they are per (sentence, term, section), so that a
 * file that passes the checksum but was not written by writeIndexFile is refused here rather
 * than met in the middle of a question. (The values themselves are as the writer wrote them.)
 */
function checkShape(index: Omit<SentenceIndex, 'vocabulary'>): void {
  const sentences = index.sentences.length;
  const terms = index.terms.length;
  const sections = index.sectionStart.length - 1;
  const rows: [ArrayName, number][] = [
    ['postings', terms], ['sentenceTerms', sentences], ['sequence', sentences], ['numbers', sentences], ['names', sentences],
    ['places', sentences], ['years', sentences], ['contextTerms', sections], ['contextPostings', terms],
  ];
  for (const [name, count] of rows) {
    const { start, data } = index[name];
    if (start.length !== count + 1 || start[0] !== 0 || start[count] !== data.length) throw new IndexFileError(`its ${name} do not fit its ${count} rows`);
  }
  const lengths: [string, number, number][] = [
    ['answerFlags', index.answerFlags.length, sentences], ['articleOf', index.articleOf.length, sentences], ['sectionOf', index.sectionOf.length, sentences],
    ['lengthNorm', index.lengthNorm.length, sentences], ['commonFlags', index.commonFlags.length, index.sentenceTerms.data.length],
    ['commonVocabulary', index.commonVocabulary.length, terms], ['sectionStart', sections < 0 ? -1 : index.sectionStart[sections]!, sentences],
  ];
  for (const [name, length, expected] of lengths) if (length !== expected) throw new IndexFileError(`its ${name} has ${length} entries, not ${expected}`);
}

function restoreArticles(header: Header, articleOf: Uint32Array, headings: Uint32Array, paragraphs: Uint32Array, texts: Uint8Array): Article[] {
  const text = Buffer.from(texts.buffer, texts.byteOffset, texts.byteLength).toString('utf8').split('\u0000');
  if (text.length !== articleOf.length || headings.length !== text.length || paragraphs.length !== text.length) {
    throw new IndexFileError('it does not hold one text, article, heading and paragraph per sentence');
  }
  const articles: Article[] = header.articles.map((meta) => ({ ...meta, sections: [], sentences: [] }) as Article);
  text.forEach((t, i) => {
    const article = articles[articleOf[i]!];
    if (!article) throw new IndexFileError(`its sentence ${i} belongs to article ${articleOf[i]}, which it does not list`);
    const heading = headings[i] === 0 ? null : header.sentenceShape.headings[headings[i]! - 1];
    if (heading === undefined) throw new IndexFileError(`its sentence ${i} is under heading ${headings[i]}, which it does not list`);
    const previous = article.sentences.at(-1);
    const sentence: Sentence = { id: `${article.id}:${article.sentences.length}`, documentId: article.id, index: article.sentences.length, text: t, section: heading, paragraph: paragraphs[i]! };
    article.sentences.push(sentence);
    // Sections and paragraphs come back from the sentences: a paragraph is its sentences joined
    // by single spaces, exactly as the splitter cut it.
    if (!previous || previous.section !== heading) article.sections.push({ heading, paragraphs: [t] });
    else if (previous.paragraph !== sentence.paragraph) article.sections.at(-1)!.paragraphs.push(t);
    else {
      const section = article.sections.at(-1)!;
      section.paragraphs[section.paragraphs.length - 1] += ` ${t}`;
    }
  });
  return articles;
}
