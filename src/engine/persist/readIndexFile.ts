import { readFileSync } from 'node:fs';
import type { Csr } from '../csr.js';
import { longFormsOf, withAccessors, type SentenceIndex } from '../sentenceIndex.js';
import { crc32 } from './checksum.js';
import { checkIndexShape } from './checkIndexShape.js';
import { engineFingerprint, INDEX_FORMAT } from './fingerprint.js';
import { lazyArticles } from './indexArticles.js';
import { aligned, BYTES, CHECKSUM_BYTES, IndexFileError, MAGIC, type CsrName, type Header, type Typed } from './indexLayout.js';

/**
 * A prebuilt index and the digest of the corpus it was built from. IndexFileError when it cannot
 * be used: unreadable, damaged (checksum), built by other code (fingerprint), or anything at all
 * going wrong while decoding it. Loading is reading one file, checking it and making views on
 * it: no tokenising, stemming or sorting, and no object per sentence (indexArticles.ts).
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
  if (Number(format) !== INDEX_FORMAT) throw new IndexFileError(`it has format ${format}, and this citebot reads format ${INDEX_FORMAT}`);
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

  const arrays = views(file, header, headEnd, end);
  const get = <T extends Typed>(name: string) => {
    const a = arrays.get(name);
    if (!a) throw new IndexFileError(`it lacks the array ${name}`);
    return a as T;
  };
  const csr = (name: CsrName): Csr => ({ start: get<Uint32Array>(`${name}.start`), data: get<Uint32Array>(`${name}.data`) });
  const shape = { headings: header.headings, sentenceHeading: get<Uint32Array>('sentenceHeading'), paragraphs: get<Uint32Array>('paragraphs'), textStart: get<Uint32Array>('textStart') };
  const texts = get<Uint8Array>('texts');
  const terms = header.terms.split('\n');
  const acronyms = new Map(header.acronyms);
  const index = {
    sentenceCount: shape.textStart.length - 1,
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
    entities: header.entities,
    topics: header.topics,
  };
  const articleStart = checkIndexShape(index, header, shape, texts.length);
  const articles = lazyArticles(header.articles, shape, Buffer.from(texts.buffer, texts.byteOffset, texts.byteLength), articleStart);
  return { digest: header.digest, index: withAccessors({ ...index, articles, articleStart }) };
}

/** Typed-array views on the file's bytes, by name, each checked to lie inside the file. */
function views(file: Buffer, header: Header, headEnd: number, end: number): Map<string, Typed> {
  let offset = headEnd;
  const arrays = new Map<string, Typed>();
  for (const { name, type, length } of header.arrays) {
    offset = aligned(offset);
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
  return arrays;
}
