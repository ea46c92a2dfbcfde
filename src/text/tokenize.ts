import { stemmer } from 'stemmer';
import { IRREGULAR_BASE } from './irregularForms.js';
import { STOP_WORDS } from './stopWords.js';

export interface Token {
  /** As written, e.g. "Wuxi's", "3,657". */
  surface: string;
  /** Lowercased; numbers without thousands separators ("3657"); possessive 's dropped. */
  lower: string;
  /** The index term: Porter stem of `lower`, or the number itself. */
  term: string;
  start: number;
  capitalized: boolean;
  isNumber: boolean;
  isStopWord: boolean;
}

// Numbers keep their decimals and separators ("3,657", "19.5"); words keep inner apostrophes.
const TOKEN = /\p{N}+(?:[.,]\p{N}+)*|\p{L}[\p{L}\p{M}]*(?:['’]\p{L}+)*/gu;

/** Words and numbers of a text, with the index term each maps to. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const surface = m[0];
    const isNumber = /^\p{N}/u.test(surface);
    const lower = isNumber
      ? normalizeNumber(surface)
      : surface
          .toLowerCase()
          .replace(/['’]s$/, '')
          .replace(/’/g, "'");
    tokens.push({
      surface,
      lower,
      term: isNumber ? lower : stemWord(lower),
      start: m.index,
      capitalized: /^\p{Lu}/u.test(surface),
      isNumber,
      isStopWord: !isNumber && STOP_WORDS.has(lower),
    });
  }
  return tokens;
}

/** "3,657" → "3657"; "19.5" stays; "1.000.000" (European thousands) → "1000000". */
function normalizeNumber(surface: string): string {
  if (/^\p{N}{1,3}(,\p{N}{3})+$/u.test(surface)) return surface.replace(/,/g, '');
  if (/^\p{N}{1,3}(\.\p{N}{3}){2,}$/u.test(surface)) return surface.replace(/\./g, '');
  return surface.replace(/,/g, '.');
}

const stems = new Map<string, string>();

/** Porter stem, memoised: the same few thousand words recur in every sentence and question. */
export function stemWord(lower: string): string {
  let stem = stems.get(lower);
  if (stem === undefined) {
    stem = /^[a-z]+$/.test(lower) ? stemmer(IRREGULAR_BASE.get(lower) ?? lower) : lower;
    if (stems.size < 200_000) stems.set(lower, stem);
  }
  return stem;
}

/** The index terms of a text: content words only, stemmed. */
export function indexTerms(text: string): string[] {
  return tokenize(text)
    .filter((t) => !t.isStopWord)
    .map((t) => t.term);
}
