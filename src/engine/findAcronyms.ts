import { tokenize } from '../text/tokenize.js';

/** An acronym the corpus defines, as "internet of things (IoT)": the acronym's term and its long form's terms. */
export interface AcronymDefinition {
  acronym: string;
  longForm: string[];
}

const BRACKETED = /\(\s*([A-Z][A-Za-z]{1,9})\s*\)/g;

/**
 * Acronyms defined in the corpus's own text, found the Schwartz–Hearst way: the acronym's
 * letters must appear, in order, in the words just before the bracket, the first one
 * starting a word. Corpus-derived, so it works for any collection, not just these articles.
 */
export function findAcronyms(texts: Iterable<string>): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const text of texts) {
    for (const m of text.matchAll(BRACKETED)) {
      const acronym = m[1]!;
      // The words just before the bracket, back to any punctuation that ends a phrase.
      const before = /[\p{L}\p{N}][\p{L}\p{N}\s'’-]*$/u.exec(text.slice(Math.max(0, m.index - 120), m.index).trimEnd())?.[0];
      if (!before) continue;
      const words = before.trim().split(/\s+/);
      const longForm = bestLongForm(acronym, words.slice(-Math.min(acronym.length + 5, acronym.length * 2)));
      if (!longForm) continue;
      const terms = tokenize(longForm)
        .filter((t) => !t.isStopWord)
        .map((t) => t.term);
      const key = acronym.toLowerCase();
      if (terms.length >= 2 && !found.has(key)) found.set(key, terms);
    }
  }
  return found;
}

function bestLongForm(acronym: string, words: string[]): string | null {
  const letters = acronym.toLowerCase().replace(/s$/, '');
  const text = words.join(' ').toLowerCase();
  // Match letters right to left, the first letter at a word start.
  let t = text.length - 1;
  for (let a = letters.length - 1; a >= 0; a--) {
    const c = letters[a]!;
    while (t >= 0 && (text[t] !== c || (a === 0 && t > 0 && /[\p{L}\p{N}]/u.test(text[t - 1]!)))) t--;
    if (t < 0) return null;
    t--;
  }
  const start = text.lastIndexOf(' ', t + 1) + 1;
  const longForm = words.join(' ').slice(start);
  return longForm.split(' ').length <= letters.length + 3 ? longForm : null;
}
