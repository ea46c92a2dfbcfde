import { readFileSync } from 'node:fs';
import { readArrayFile } from '../../binary/arrayFile.js';
import type { Csr } from '../csr.js';
import { longFormsOf, withAccessors, type SentenceIndex } from '../sentenceIndex.js';
import { checkIndexShape } from './checkIndexShape.js';
import { engineFingerprint, INDEX_FORMAT } from './fingerprint.js';
import { StoredSentences } from './indexArticles.js';
import { IndexFileError, MAGIC, type CsrName, type Header } from './indexLayout.js';

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
  return decodeIndexFile(file, fingerprint);
}

/** readIndexFile on bytes already read (a live reload reads them without blocking the event loop). */
export function decodeIndexFile(file: Buffer, fingerprint = engineFingerprint()): { digest: string; index: SentenceIndex } {
  try {
    return decode(file, fingerprint);
  } catch (error) {
    // Whatever damaged bytes do to the decoder, the caller gets one kind of error and falls back to the corpus.
    if (error instanceof IndexFileError) throw error;
    throw new IndexFileError(`it cannot be decoded (${error instanceof Error ? error.message : String(error)})`);
  }
}

function decode(file: Buffer, fingerprint: string): { digest: string; index: SentenceIndex } {
  const { header, get } = readArrayFile<Header>(
    file,
    MAGIC,
    INDEX_FORMAT,
    'citebot index',
    (message) => new IndexFileError(message),
    (h) => {
      if (h.fingerprint !== fingerprint)
        throw new IndexFileError(
          `it was built by other indexing or ranking code (fingerprint ${h.fingerprint}; this citebot's is ${fingerprint})`,
        );
    },
  );
  const csr = (name: CsrName): Csr => ({ start: get<Uint32Array>(`${name}.start`), data: get<Uint32Array>(`${name}.data`) });
  const shape = {
    headings: header.headings,
    sentenceHeading: get<Uint32Array>('sentenceHeading'),
    paragraphs: get<Uint32Array>('paragraphs'),
    textStart: get<Uint32Array>('textStart'),
  };
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
    ...(header.questions === null ? {} : { questions: header.questions }),
  };
  const articleStart = checkIndexShape(index, header, shape, texts.length);
  const stored = new StoredSentences(
    header.articles,
    shape,
    Buffer.from(texts.buffer, texts.byteOffset, texts.byteLength),
    index.articleOf,
    articleStart,
  );
  return {
    digest: header.digest,
    index: withAccessors({ ...index, articles: stored.articles(), articleStart }, (id) => stored.sentence(id)),
  };
}
