import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Article, Sentence } from '../../corpus/schema.js';
import type { Csr } from '../csr.js';
import { attachVocabulary, longFormsOf, type SentenceIndex } from '../sentenceIndex.js';

/**
 * A built index on disk: a JSON header (format, corpus digest, articles without their sentences,
 * the term table, array layout), then every typed array's bytes as they are in memory. Loading
 * is reading one file and making views on it: no tokenising, stemming or sorting.
 */
const MAGIC = 'citebot-index';
const FORMAT = 1;

type ArrayName = 'postings' | 'sentenceTerms' | 'sequence' | 'numbers' | 'names' | 'places' | 'years' | 'contextTerms' | 'contextPostings';
const CSRS: ArrayName[] = ['postings', 'sentenceTerms', 'sequence', 'numbers', 'names', 'places', 'years', 'contextTerms', 'contextPostings'];
const FLAT = ['commonFlags', 'answerFlags', 'articleOf', 'sectionOf', 'sectionStart', 'commonVocabulary', 'lengthNorm'] as const;
type FlatName = (typeof FLAT)[number];
type Typed = Uint8Array | Uint32Array | Float32Array;

interface Header {
  magic: string;
  format: number;
  digest: string;
  terms: string;
  articles: Omit<Article, 'sentences' | 'sections'>[];
  /** Per sentence: article number, section heading number (-1 for none), paragraph. */
  sentenceShape: { headings: string[] };
  resolvedDates: [number, SentenceIndex['resolvedDates'] extends Map<number, infer D> ? D : never][];
  acronyms: [string, string[]][];
  arrays: { name: string; type: 'u8' | 'u32' | 'f32'; length: number }[];
}

export class IndexFileError extends Error {
  override name = 'IndexFileError';
}

export function writeIndexFile(path: string, index: SentenceIndex, digest: string): void {
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
  // Write beside and rename, so a reader never sees half a file.
  writeFileSync(`${path}.tmp`, Buffer.concat(parts));
  renameSync(`${path}.tmp`, path);
}

/** A prebuilt index and the digest of the corpus it was built from; IndexFileError when unusable. */
export function readIndexFile(path: string): { digest: string; index: SentenceIndex } {
  let file: Buffer;
  try {
    file = readFileSync(path);
  } catch {
    throw new IndexFileError(`cannot read ${path}`);
  }
  const firstLine = file.subarray(0, Math.min(file.length, 64)).toString('latin1').split('\n')[0] ?? '';
  const [magic, format, headLength] = firstLine.split(' ');
  if (magic !== MAGIC || Number(format) !== FORMAT || !headLength) throw new IndexFileError(`${path} is not a citebot index of format ${FORMAT}`);
  const headStart = firstLine.length + 1;
  let header: Header;
  try {
    header = JSON.parse(file.subarray(headStart, headStart + Number(headLength)).toString('utf8')) as Header;
  } catch {
    throw new IndexFileError(`${path} has a damaged header`);
  }
  let offset = headStart + Number(headLength);
  const arrays = new Map<string, Typed>();
  for (const { name, type, length } of header.arrays) {
    offset += (4 - (offset % 4)) % 4;
    const size = type === 'u8' ? 1 : 4;
    if (offset + length * size > file.length) throw new IndexFileError(`${path} is truncated`);
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
    if (!a) throw new IndexFileError(`${path} lacks ${name}`);
    return a as T;
  };
  const csr = (name: ArrayName): Csr => ({ start: get<Uint32Array>(`${name}.start`), data: get<Uint32Array>(`${name}.data`) });

  const articles = restoreArticles(header, get<Uint32Array>('articleOf'), get<Uint32Array>('sentenceHeading'), get<Uint32Array>('paragraphs'), get<Uint8Array>('texts'));
  const terms = header.terms.split('\n');
  const acronyms = new Map(header.acronyms);
  const index = attachVocabulary({
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
  });
  return { digest: header.digest, index };
}

function restoreArticles(header: Header, articleOf: Uint32Array, headings: Uint32Array, paragraphs: Uint32Array, texts: Uint8Array): Article[] {
  const text = Buffer.from(texts.buffer, texts.byteOffset, texts.byteLength).toString('utf8').split('\u0000');
  if (text.length !== articleOf.length) throw new IndexFileError('the index file does not hold one text per sentence');
  const articles: Article[] = header.articles.map((meta) => ({ ...meta, sections: [], sentences: [] }) as Article);
  text.forEach((t, i) => {
    const article = articles[articleOf[i]!]!;
    const heading = headings[i] === 0 ? null : header.sentenceShape.headings[headings[i]! - 1]!;
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

