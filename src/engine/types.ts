import type { DatePrecision } from '../corpus/schema.js';
import type { TextSpan } from '../text/markSpans.js';

/** One quoted sentence with its source: what every shell renders. */
export interface Answer {
  /** Exactly a corpus sentence: never edited, merged or trimmed. */
  quote: string;
  date: string | null;
  datePrecision: DatePrecision | null;
  documentId: string;
  sentenceIndex: number;
  title: string;
  source: string | null;
  url: string | null;
  /** Confidence 0..1: the answer model's calibrated probability that the quote answers the question. */
  score: number;
  /** Relative dates in the quote, resolved against the article date. */
  notes: string[];
  /** The words of the quote that answer the question (the count, date, name, amount asked for), as offsets into `quote`; absent when none. */
  answerSpans?: TextSpan[];
}

export interface AskResult {
  question: string;
  answered: boolean;
  /** Best first; when more than one, the others are the same fact as other sources dated it. */
  answers: Answer[];
  /** Why there is no answer, as a code for programs (only when `answered` is false). */
  reason?: DeclineReason;
  /** Why there is no answer, in words for the user (only when `answered` is false). */
  message?: string;
  /** Titles of articles that came closest, when nothing answered. */
  nearTitles: string[];
}

export interface SearchHit extends Answer {
  rank: number;
}

/**
 * Why the engine declined: `empty`, `too-long`, `no-words` (nothing to look up); `chat` (a greeting,
 * thanks or request for help, not a question about the sources); `unknown-name` (a name the
 * sources never mention); `no-match` (no sentence shares a word with the question);
 * `low-confidence` (the best sentence is more likely wrong than worth quoting); `filtered-out` (a
 * `since` or `source` filter is why: it keeps no article, or the sources answer only outside it).
 */
export type DeclineReason = 'empty' | 'too-long' | 'no-words' | 'chat' | 'unknown-name' | 'no-match' | 'low-confidence' | 'filtered-out';
