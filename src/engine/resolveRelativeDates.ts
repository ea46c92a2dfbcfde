import { dateParts } from '../corpus/articleDate.js';

export interface ResolvedDate {
  /** The words as the quote has them: "this year", "in February last year". */
  phrase: string;
  /** What they mean given the article's date: "2020", "February 2017", "16 Dec 2020". */
  resolved: string;
  /** Years the phrase refers to, so a question naming the year finds the sentence. */
  years: number[];
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH =
  '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)(?![A-Za-z])\\.?';
const YEAR_WORD = '(?:,?\\s+(this|last|next|the previous|the following) year)?';
const NOT_FOLLOWED_BY_YEAR = '(?![\\s,]*\\d{4})(?!\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4})';
const monthIndex = (name: string) => MONTHS.findIndex((m) => m.startsWith(name.toLowerCase().replace('.', '').slice(0, 3)));
const monthName = (i: number) => MONTHS[i]![0]!.toUpperCase() + MONTHS[i]!.slice(1);
const yearShift: Record<string, number> = { this: 0, last: -1, next: 1, 'the previous': -1, 'the following': 1 };

const NUMBER_WORDS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  twenty: 20,
};

/**
 * Relative time in a sentence ("from January to October this year", "by the end of last year",
 * "in February"), resolved against the article's date. The quote itself is never changed:
 * these become notes beside it. Nothing is resolved when the article has no date.
 */
export function resolveRelativeDates(sentence: string, articleDate: string | null): ResolvedDate[] {
  if (!articleDate) return [];
  const { year, month, day } = dateParts(articleDate);
  const out: ResolvedDate[] = [];
  const taken: [number, number][] = [];
  const free = (start: number, end: number) => taken.every(([s, e]) => end <= s || start >= e);
  const add = (m: RegExpMatchArray, resolved: string, years: number[]) => {
    const start = m.index!;
    if (!free(start, start + m[0].length)) return;
    taken.push([start, start + m[0].length]);
    out.push({ phrase: m[0].trim(), resolved, years });
  };
  // A month without a year belongs to the article's year, or the year before if it is still to come.
  const yearOfMonth = (monthI: number, word?: string) => {
    if (word) return year + yearShift[word]!;
    return month !== undefined && monthI + 1 > month ? year - 1 : year;
  };

  for (const m of sentence.matchAll(
    new RegExp(`\\b(?:from|between)\\s+${MONTH}\\s+(?:to|and|through)\\s+${MONTH}${YEAR_WORD}${NOT_FOLLOWED_BY_YEAR}`, 'gi'),
  )) {
    const a = monthIndex(m[1]!),
      b = monthIndex(m[2]!);
    const y = yearOfMonth(b, m[3]?.toLowerCase());
    add(m, `${monthName(a)}–${monthName(b)} ${y}`, [y]);
  }
  for (const m of sentence.matchAll(new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b${YEAR_WORD}${NOT_FOLLOWED_BY_YEAR}`, 'gi'))) {
    const mi = monthIndex(m[1]!),
      d = Number(m[2]);
    if (d < 1 || d > 31) continue;
    const y = yearOfMonth(mi, m[3]?.toLowerCase());
    add(m, `${d} ${monthName(mi).slice(0, 3)} ${y}`, [y]);
  }
  for (const m of sentence.matchAll(
    new RegExp(`\\b(?:in|since|by|until|from|during|late|early|mid-?)\\s+${MONTH}${YEAR_WORD}${NOT_FOLLOWED_BY_YEAR}`, 'gi'),
  )) {
    const mi = monthIndex(m[1]!);
    if (m[1]!.toLowerCase() === 'may' && !m[2]) continue; // "may" is usually the verb
    const y = yearOfMonth(mi, m[2]?.toLowerCase());
    add(m, `${monthName(mi)} ${y}`, [y]);
  }
  for (const m of sentence.matchAll(/\bthe (end|beginning|start|middle|first half|second half) of (this|last|next) year\b/gi)) {
    const y = year + yearShift[m[2]!.toLowerCase()]!;
    add(m, `${m[1]!.toLowerCase()} of ${y}`, [y]);
  }
  for (const m of sentence.matchAll(/\b(this|last|next|the previous|the following) year\b/gi)) {
    const y = year + yearShift[m[1]!.toLowerCase()]!;
    add(m, String(y), [y]);
  }
  for (const m of sentence.matchAll(
    /\b(?:over |in |during )?the (?:past|last) (decade|(\d+|two|three|four|five|six|seven|eight|nine|ten|twenty) years)\b/gi,
  )) {
    const span = m[1]!.toLowerCase() === 'decade' ? 10 : Number(m[2]) || NUMBER_WORDS[m[2]!.toLowerCase()]!;
    add(m, `${year - span}–${year}`, [year - span, year]);
  }
  if (day !== undefined) {
    for (const m of sentence.matchAll(/\b(today|yesterday)\b/gi)) {
      const date = new Date(Date.UTC(year, month! - 1, day - (m[1]!.toLowerCase() === 'yesterday' ? 1 : 0)));
      add(m, `${date.getUTCDate()} ${monthName(date.getUTCMonth()).slice(0, 3)} ${date.getUTCFullYear()}`, [date.getUTCFullYear()]);
    }
  }
  return out.sort((a, b) => sentence.indexOf(a.phrase) - sentence.indexOf(b.phrase));
}
