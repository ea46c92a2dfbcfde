import { BEFORE_NUMBERS, SENTENCE_OPENERS, TITLES, TRAILING } from './abbreviations.js';

const CLOSERS = `"'”’)]»`;
const OPENERS = `"'“‘([«`;

/**
 * Splits a paragraph of news prose into sentences, each a verbatim slice of the input
 * (trimmed). Rule-based rather than Intl.Segmenter, which breaks "Mr. | Brown" and "Dec. | 16".
 */
export function splitSentences(paragraph: string): string[] {
  const text = paragraph.replace(/\s+/g, ' ').trim();
  const sentences: string[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch !== '.' && ch !== '!' && ch !== '?' && ch !== '…') {
      i++;
      continue;
    }
    // Take the whole run of terminators and closing quotes or brackets: `?!`, `...`, `."`, `.)`.
    let end = i + 1;
    while (end < text.length && ('.!?…'.includes(text[end]!) || CLOSERS.includes(text[end]!))) end++;
    if (end < text.length && text[end] !== ' ') {
      i = end; // "19.5", "U.S", "wuxinews.com": no space, no boundary
      continue;
    }
    const next = text.slice(end + 1);
    if (end >= text.length || isBoundary(text.slice(start, end), ch, next)) {
      const sentence = text.slice(start, end).trim();
      if (sentence) sentences.push(sentence);
      start = end + 1;
    }
    i = end;
  }
  const rest = text.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences;
}

function isBoundary(before: string, terminator: string, after: string): boolean {
  const nextWord = /^[^\s]+/.exec(after)?.[0] ?? '';
  const first = nextWord[0] ?? '';
  // A new sentence opens with a capital, a digit or an opening quote or bracket.
  const opensSentence = /[\p{Lu}\p{N}]/u.test(first) || (OPENERS.includes(first) && /[\p{Lu}\p{N}]/u.test(nextWord[1] ?? ''));
  if (!opensSentence) return false;
  if (terminator !== '.') return true;
  if (/[.…]{2,}$/.test(before.replace(new RegExp(`[${escapeClass(CLOSERS)}]+$`), ''))) return true; // an ellipsis before a capital
  const lastWord = /([\p{L}\p{N}.]+)\.[^\p{L}\p{N}]*$/u.exec(before)?.[1]?.toLowerCase();
  if (!lastWord) return true;
  const bare = nextWord
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .replace(/[^\p{L}\p{N}]+$/u, '')
    .toLowerCase();
  if (TITLES.has(lastWord)) return false; // "Mr. Brown", "Dr. Li"
  if (BEFORE_NUMBERS.has(lastWord) && /^\p{N}/u.test(nextWord)) return false; // "Dec. 16", "No. 3"
  // One capital letter ("J. Smith") or a dotted acronym ("U.S."): a sentence ends only if an opener follows.
  const isInitial = /^\p{L}$/u.test(lastWord) && /\p{Lu}/u.test(before.slice(-2, -1));
  const isAcronym = /^(\p{L}\.)+\p{L}$/u.test(lastWord);
  if (isInitial || isAcronym || TRAILING.has(lastWord)) return SENTENCE_OPENERS.has(bare);
  return true;
}

function escapeClass(chars: string): string {
  return chars.replace(/[\]\\^-]/g, '\\$&');
}
