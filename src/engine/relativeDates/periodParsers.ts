// Periods news writes that chrono-node's English parser does not know: quarters, halves, the end
// or beginning of a year, "the past decade", "the previous year". Each is a chrono parser, so
// chrono's own refiners settle overlaps (the longer phrase wins) exactly as for its own.
import type { ParsingContext } from 'chrono-node';
import type { Parser } from 'chrono-node/en';

/** Tags on the results these parsers make, read when the result becomes a Period. */
export const PERIOD_TAG = {
  quarter: 'citebot/quarter',
  half: 'citebot/half',
  /** A run of whole months: "the first 11 months of this year". */
  months: 'citebot/months',
  years: 'citebot/years',
  /** "the previous year", "the following year": relative to a year the sentence names, if any. */
  narrative: 'citebot/narrative',
} as const;
export const PART_TAG_PREFIX = 'citebot/part:';

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
const RELATIVE_YEAR = '(this|last|next|the previous|the following|the coming)\\s+year';
const YEAR_SHIFT: Record<string, number> = { this: 0, last: -1, next: 1, 'the previous': -1, 'the following': 1, 'the coming': 1 };
/** "of last year", "of 2020", "of the year", "this year" (as in "the first half this year"), or nothing. */
const WHICH_YEAR = `(?:\\s+(?:of\\s+)?(?:${RELATIVE_YEAR}|(\\d{4})\\b|the\\s+year))?`;

/** The year a WHICH_YEAR group names: certain when written or relative, implied (the article's) otherwise. */
function yearOf(context: ParsingContext, relative: string | undefined, written: string | undefined): { year: number; certain: boolean } {
  const refYear = context.reference.instant.getUTCFullYear();
  if (written) return { year: Number(written), certain: true };
  if (relative) return { year: refYear + YEAR_SHIFT[relative.toLowerCase().replace(/\s+/g, ' ')]!, certain: true };
  return { year: refYear, certain: false };
}

function monthsResult(
  context: ParsingContext,
  match: RegExpMatchArray,
  firstMonth: number,
  lastMonth: number,
  which: { year: number; certain: boolean },
  tag: string,
) {
  const start = context.createParsingComponents({ month: firstMonth, day: 1 });
  const end = context.createParsingComponents({ month: lastMonth, day: 1 });
  for (const c of [start, end]) {
    if (which.certain) c.assign('year', which.year);
    else c.imply('year', which.year);
  }
  return context.createParsingResult(match.index!, match[0], start, end).addTag(tag);
}

const QUARTER_ORDINALS: Record<string, number> = {
  first: 1,
  '1st': 1,
  second: 2,
  '2nd': 2,
  third: 3,
  '3rd': 3,
  fourth: 4,
  '4th': 4,
  final: 4,
};

const quarters: Parser = {
  pattern: () =>
    new RegExp(
      `\\b(?:the\\s+)?(first|1st|second|2nd|third|3rd|fourth|4th|final)\\s+quarter${WHICH_YEAR}|\\bQ([1-4])(?:\\s+(\\d{4}))?\\b`,
      'i',
    ),
  extract(context, match) {
    const q = match[1] ? QUARTER_ORDINALS[match[1].toLowerCase()]! : Number(match[4]);
    const which = yearOf(context, match[2], match[3] ?? match[5]);
    return monthsResult(context, match, q * 3 - 2, q * 3, which, PERIOD_TAG.quarter);
  },
};

const COUNT_WORDS: Record<string, number> = { ...NUMBER_WORDS, eleven: 11 };

/** "the first three quarters of this year", "the first 11 months": from January on. */
const firstMonths: Parser = {
  pattern: () =>
    new RegExp(`\\bthe\\s+first\\s+(\\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven)\\s+(months|quarters)${WHICH_YEAR}`, 'i'),
  extract(context, match) {
    const count = Number(match[1]) || COUNT_WORDS[match[1]!.toLowerCase()]!;
    const months = match[2]!.toLowerCase() === 'quarters' ? count * 3 : count;
    if (months < 2 || months > 12) return null;
    return monthsResult(context, match, 1, months, yearOf(context, match[3], match[4]), PERIOD_TAG.months);
  },
};

const halves: Parser = {
  pattern: () => new RegExp(`\\b(?:the\\s+)?(first|second|latter)\\s+half${WHICH_YEAR}|\\bH([12])\\s+(\\d{4})\\b`, 'i'),
  extract(context, match) {
    const h = match[1] ? (match[1].toLowerCase() === 'first' ? 1 : 2) : Number(match[4]);
    return monthsResult(context, match, h * 6 - 5, h * 6, yearOf(context, match[2], match[3] ?? match[5]), PERIOD_TAG.half);
  },
};

/** "the end of last year", "the beginning of this month", "early next year", "mid-2020" is written, so left alone. */
const partsOfPeriod: Parser = {
  pattern: () =>
    new RegExp(
      `\\b(?:(?:the\\s+)?(end|beginning|start|middle|close)\\s+of\\s+(?:${RELATIVE_YEAR}|(\\d{4})\\b|the\\s+(year|month)|(this|last|next)\\s+month)|(early|late)\\s+${RELATIVE_YEAR})`,
      'i',
    ),
  extract(context, match) {
    const word = (match[1] ?? match[6])!.toLowerCase();
    const part = word === 'start' ? 'beginning' : word === 'close' ? 'end' : word;
    const ref = context.reference.instant;
    if (match[4]?.toLowerCase() === 'month' || match[5]) {
      const shift = match[5] ? YEAR_SHIFT[match[5].toLowerCase()]! : 0;
      const month = new Date(Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth() + shift, 1));
      return context
        .createParsingResult(match.index!, match[0], { year: month.getUTCFullYear(), month: month.getUTCMonth() + 1 })
        .addTag(PART_TAG_PREFIX + part);
    }
    const which = yearOf(context, match[2] ?? match[7], match[3]);
    const start = context.createParsingComponents();
    if (which.certain) start.assign('year', which.year);
    else start.imply('year', which.year);
    return context.createParsingResult(match.index!, match[0], start).addTag(PART_TAG_PREFIX + part);
  },
};

/** "the past decade", "over the last five years", "the next three years": the run of years up to the article's, or from it. */
const runOfYears: Parser = {
  pattern: () =>
    /\b(?:the\s+)?(past|last|previous|next|coming)\s+(decade|(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|twenty)\s+years)\b/i,
  extract(context, match) {
    const span = match[2]!.toLowerCase() === 'decade' ? 10 : Number(match[3]) || NUMBER_WORDS[match[3]!.toLowerCase()]!;
    const year = context.reference.instant.getUTCFullYear();
    const ahead = /next|coming/i.test(match[1]!);
    const [first, last] = ahead ? [year, year + span] : [year - span, year];
    return context.createParsingResult(match.index!, match[0], { year: first }, { year: last }).addTag(PERIOD_TAG.years);
  },
};

const MONTH_WORD =
  '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?(?![\\w-])';
const MONTH_PREFIXES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const monthNumber = (word: string) => MONTH_PREFIXES.indexOf(word.slice(0, 3).toLowerCase()) + 1;

/** "between January and June" (chrono reads two months), with a year after it if one is written. */
const betweenMonths: Parser = {
  pattern: () => new RegExp(`\\bbetween\\s+${MONTH_WORD}\\s+and\\s+${MONTH_WORD}(?:,?\\s+(\\d{4})\\b)?`, 'i'),
  extract(context, match) {
    const which = yearOf(context, undefined, match[3]);
    return monthsResult(context, match, monthNumber(match[1]!), monthNumber(match[2]!), which, PERIOD_TAG.months);
  },
};

/** "last June" is the latest June before the article's month, "next March" the first after it, "this May" the article year's. */
const namedMonth: Parser = {
  pattern: () => new RegExp(`\\b(last|next|this)\\s+${MONTH_WORD}`, 'i'),
  extract(context, match) {
    const ref = context.reference.instant;
    const month = monthNumber(match[2]!);
    const refMonth = ref.getUTCMonth() + 1;
    const word = match[1]!.toLowerCase();
    const shift = word === 'last' ? (month < refMonth ? 0 : -1) : word === 'next' ? (month > refMonth ? 0 : 1) : 0;
    return context.createParsingResult(match.index!, match[0], { year: ref.getUTCFullYear() + shift, month });
  },
};

/** "the previous year", "the following year", "a year earlier": a year's step from a year the sentence names, else from the article's. */
const narrativeYear: Parser = {
  pattern: () =>
    /\b(?:the\s+(previous|preceding|following|next)\s+year|(?:a|one)\s+year\s+(earlier|later|before|after)|the\s+year\s+(before|after))\b/i,
  extract(context, match) {
    const word = (match[1] ?? match[2] ?? match[3])!.toLowerCase();
    const step = ['previous', 'preceding', 'earlier', 'before'].includes(word) ? -1 : 1;
    const named = [...context.text.slice(0, match.index).matchAll(/\b(1[89]\d\d|20\d\d)\b/g)].at(-1);
    const from = named ? Number(named[1]) : context.reference.instant.getUTCFullYear();
    return context.createParsingResult(match.index!, match[0], { year: from + step }).addTag(PERIOD_TAG.narrative);
  },
};

export const PERIOD_PARSERS: readonly Parser[] = [
  firstMonths,
  quarters,
  halves,
  partsOfPeriod,
  runOfYears,
  betweenMonths,
  namedMonth,
  narrativeYear,
];
