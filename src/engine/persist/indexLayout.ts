/**
 * The layout of an index file, shared by its writer and its reader: an array file
 * (binary/arrayFile.ts: first line, JSON header, aligned typed arrays, CRC-32 of every byte)
 * whose header holds the fingerprint of the code that built it, the corpus digest, the articles'
 * metadata as columns, the term table and the autocomplete names. Sentence texts are one UTF-8
 * region with offsets, decoded an article at a time when first read, so loading makes no object
 * per sentence.
 */
import type { ArrayLayout } from '../../binary/arrayFile.js';
import type { ResolvedDate } from '../relativeDates/resolveRelativeDates.js';
import type { IndexData } from '../sentenceIndex.js';

export const MAGIC = 'citebot-index';

export type CsrName =
  'postings' | 'sentenceTerms' | 'sequence' | 'numbers' | 'names' | 'places' | 'years' | 'contextTerms' | 'contextPostings';
export const CSRS: readonly CsrName[] = [
  'postings',
  'sentenceTerms',
  'sequence',
  'numbers',
  'names',
  'places',
  'years',
  'contextTerms',
  'contextPostings',
];
export const FLAT = [
  'commonFlags',
  'answerFlags',
  'articleOf',
  'sectionOf',
  'sectionStart',
  'commonVocabulary',
  'lengthNorm',
] as const satisfies readonly (keyof IndexData)[];
/** Per sentence, beside the index's own arrays: heading number + 1 (0: none), paragraph, and where its text starts in `texts`. */
export const SENTENCE_SHAPE = ['sentenceHeading', 'paragraphs', 'textStart'] as const;

/** Article metadata, one array per field (a million small JSON objects would parse and copy slowly). */
export interface ArticleColumns {
  id: string[];
  title: string[];
  date: (string | null)[];
  source: (string | null)[];
  url: (string | null)[];
  /** Corpus files, and each article's number in that list. */
  files: string[];
  file: number[];
  /** The few curator notes, by article number. */
  notes: [number, Record<string, string>][];
}

export interface Header {
  magic: string;
  format: number;
  /** engineFingerprint() of the code that wrote it: an index is only read by the code that would build the same one. */
  fingerprint: string;
  digest: string;
  terms: string;
  articles: ArticleColumns;
  headings: string[];
  resolvedDates: [number, ResolvedDate[]][];
  acronyms: [string, string[]][];
  entities: string[];
  topics: string[];
  /** Verified autocomplete questions; null when the index was saved before any were made (the engine makes them on first use). */
  questions: string[] | null;
  arrays: ArrayLayout[];
}

/** Why a prebuilt index cannot be used: damaged, from other code, or not an index at all. */
export class IndexFileError extends Error {
  override name = 'IndexFileError';
}
