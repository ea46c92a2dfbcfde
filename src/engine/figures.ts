// The figures a text states ("more than 3,000 IoT companies", "243 billion yuan", "20 percent"),
// read with their approximation and what they count or measure, and how a claimed figure
// compares with a source's. Pure: no index, no lexicon (the caller decides what counts alike).

/** How a figure bounds the true value: "3,657" exactly, "about 2,000", "more than 3,000", "2,000-plus"... */
export type Bound = 'exact' | 'about' | 'nearly' | 'over' | 'at-least' | 'under' | 'at-most';

export interface Figure {
  /** The value with its scale applied ("243 billion" = 243e9). */
  value: number;
  bound: Bound;
  unit: 'count' | 'percent' | 'money';
  /** For money: "CNY", "USD", "EUR", "GBP". */
  currency?: string;
  /** For counts: the plural noun counted ("enterprises"), lower case; absent when none follows. */
  noun?: string;
  /** The words between the number and the noun ("iot"), lower case, space-separated. */
  modifiers: string;
  /** Character offsets of the figure itself in the text: number, scale and unit, no approximation words. */
  start: number;
  end: number;
  /** How much a round number may be off and still be the same figure (0 for a precise one). */
  tolerance: number;
  /** The whole phrase: approximation words and, for a count, the words up to what it counts ("more than 3,000 IoT companies"). */
  phrase: { start: number; end: number };
}

/** How a source's figure bears on a claimed one. */
export type FigureRelation = 'same' | 'consistent' | 'different';

const BEFORE: [RegExp, Bound][] = [
  [/\b(more than|over|above|exceeding|exceeded|higher than|greater than|upwards of|in excess of|beyond)\s+$/i, 'over'],
  [/\b(at least|no fewer than|no less than|a minimum of|not less than)\s+$/i, 'at-least'],
  [/\b(nearly|almost|close to|just under|just shy of|approaching)\s+$/i, 'nearly'],
  [/\b(about|around|approximately|approx\.|roughly|some|an estimated|estimated|circa|c\.|or so)\s+$/i, 'about'],
  [/\b(fewer than|less than|under|below|lower than)\s+$/i, 'under'],
  [/\b(at most|up to|no more than|a maximum of|as much as|as many as|not more than)\s+$/i, 'at-most'],
];
const AFTER: [RegExp, Bound][] = [
  [/^(-?\s?plus\b|\+|\s+or more\b|\s+and more\b|\s+and above\b)/i, 'at-least'],
  [/^(-odd\b|\s+odd\b|\s+or so\b)/i, 'about'],
  [/^\s+or (less|fewer)\b/i, 'at-most'],
];

const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, mn: 1e6, billion: 1e9, bn: 1e9, trillion: 1e12 };
const CURRENCY_AFTER: [RegExp, string][] = [
  [/^\s*(yuan|rmb|renminbi|cny)\b/i, 'CNY'],
  [/^\s*(us dollars?|dollars?|usd)\b/i, 'USD'],
  [/^\s*(euros?|eur)\b/i, 'EUR'],
  [/^\s*(pounds? sterling|pounds?|gbp)\b/i, 'GBP'],
];
const CURRENCY_BEFORE: [RegExp, string][] = [
  [/(US\$|\$)\s?$/, 'USD'],
  [/(¥|RMB\s?|CNY\s?)$/, 'CNY'],
  [/€\s?$/, 'EUR'],
  [/£\s?$/, 'GBP'],
];

// prettier-ignore
const UNITS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100,
};
const UNIT_WORD = `(?:${Object.keys(UNITS).join('|')})`;
const WORD = `(?:${UNIT_WORD}|thousand|million|billion|trillion)`;
/** A number in digits ("3,657", "19.5", "2000") or in words ("two thousand", "twenty-five"). */
const NUMBER = new RegExp(
  `(?<![\\p{L}\\p{N}.,])(?:(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?(?![\\p{N}])(?!,\\d)(?!\\.\\d)|(${UNIT_WORD}(?:[\\s-]+(?:and\\s+)?${WORD})*)\\b)`,
  'giu',
);
/** Words that may stand between a number and what it counts. */
const GLUE = new Set(['of', 'the', 'and']);
const NOT_A_NOUN = /^(percent|per|cent|times|years?|months?|days?|hours?|minutes?|o'clock)$/i;
const YEAR = /^(1[89]|20|21)\d{2}$/;

/** Every figure the text states, in order. Years ("in 2009"), dates and unreadable numbers ("3000,20") are not figures. */
export function findFigures(text: string): Figure[] {
  const figures: Figure[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const start = m.index;
    let end = start + m[0].length;
    const words = m[3];
    let value = words ? wordsValue(words) : Number(m[1]!.replace(/,/g, '') + (m[2] ? `.${m[2]}` : ''));
    if (!Number.isFinite(value) || value === undefined) continue;
    const before = text.slice(Math.max(0, start - 30), start);
    // A date's day or year, or a time, is not a figure.
    if (/\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*$/i.test(before)) continue;
    if (/^\s*(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i.test(text.slice(end)) && value <= 31) continue;
    const scale = /^[\s-]*(thousand|million|mn|billion|bn|trillion)\b/i.exec(text.slice(end));
    if (scale && !words) {
      value *= SCALES[scale[1]!.toLowerCase()]!;
      end += scale[0].length;
    }
    const currencyBefore = CURRENCY_BEFORE.find(([re]) => re.test(before));
    let startAt = start;
    if (currencyBefore) startAt = start - currencyBefore[0].exec(before)![0].length;
    let unit: Figure['unit'] = 'count';
    let currency = currencyBefore?.[1];
    const percent = /^\s*(%|percent\b|per cent\b|percentage points?\b)/i.exec(text.slice(end));
    const currencyAfter = CURRENCY_AFTER.find(([re]) => re.test(text.slice(end)));
    if (percent) {
      unit = 'percent';
      end += percent[0].length;
    } else if (currencyAfter) {
      unit = 'money';
      currency = currencyAfter[1];
      end += currencyAfter[0].exec(text.slice(end))![0].length;
    } else if (currency) {
      unit = 'money';
    }
    const digits = m[1] ?? '';
    if (unit === 'count' && !scale && YEAR.test(digits) && !m[2]) continue;
    const after = text.slice(end);
    const boundAfter = boundIn(AFTER, after);
    const lead = text.slice(Math.max(0, startAt - 30), startAt);
    const boundBefore = boundIn(BEFORE, lead);
    const bound = boundAfter?.bound ?? boundBefore?.bound ?? 'exact';
    const afterBound = end + (boundAfter?.length ?? 0);
    const { length: countedLength, ...counted } = unit === 'count' ? countedNoun(text.slice(afterBound)) : { length: 0, modifiers: '' };
    // A bare number word with nothing counted ("one of the clusters") is not a figure.
    if (words && !counted.noun && unit === 'count') continue;
    figures.push({
      value,
      bound,
      unit,
      ...(currency ? { currency } : {}),
      ...counted,
      start: startAt,
      end,
      tolerance: words || m[2] || bound !== 'exact' ? 0 : roundingTolerance(digits.replace(/,/g, ''), value),
      phrase: { start: startAt - (boundBefore?.length ?? 0), end: afterBound + countedLength },
    });
  }
  return figures;
}

/** The first approximation the text has where the patterns look, and how long it is. */
function boundIn(patterns: [RegExp, Bound][], text: string): { bound: Bound; length: number } | undefined {
  for (const [re, bound] of patterns) {
    const m = re.exec(text);
    if (m) return { bound, length: m[0].length };
  }
  return undefined;
}

/** What a count counts: the first plural noun within four words ("IoT enterprises", "Internet of Things related enterprises"). */
function countedNoun(after: string): { noun?: string; modifiers: string; length: number } {
  const modifiers: string[] = [];
  for (const m of after.matchAll(/[\s-]*([\p{L}][\p{L}'’-]*)/guy)) {
    const lower = m[1]!.toLowerCase().replace(/['’]s$/, '');
    // "one of the cities" picks one out of them; it does not count them.
    if (modifiers.length > 4 || NOT_A_NOUN.test(lower) || (lower === 'of' && modifiers.length === 0)) break;
    if ((/[^su]s$/.test(lower) && lower.length > 3) || /^(people|staff|personnel|children|men|women|police)$/.test(lower)) {
      return { noun: lower, modifiers: modifiers.filter((w) => !GLUE.has(w)).join(' '), length: m.index + m[0].length };
    }
    modifiers.push(lower);
  }
  return { modifiers: '', length: 0 };
}

/** "two thousand" = 2000, "twenty-five" = 25, "three hundred" = 300. */
function wordsValue(words: string): number {
  let total = 0;
  let current = 0;
  for (const w of words.toLowerCase().split(/[\s-]+/)) {
    if (w === 'and') continue;
    if (w === 'hundred') current = (current || 1) * 100;
    else if (SCALES[w]) {
      total += (current || 1) * SCALES[w]!;
      current = 0;
    } else current += UNITS[w] ?? NaN;
  }
  return total + current;
}

/**
 * A round number in a claim may be rounded ("3,700" for 3,657): half its last non-zero place,
 * but never more than 2% of it, so "2,000" is not 2,400.
 */
function roundingTolerance(digits: string, value: number): number {
  const zeros = /0*$/.exec(digits)![0].length;
  if (zeros === 0) return 0;
  const scale = value / Number(digits);
  return Math.min((10 ** zeros / 2) * scale, value * 0.02);
}

/** The values a figure allows, as a closed interval. */
export function figureRange(f: Figure): [number, number] {
  const v = f.value;
  const step = Math.max(v * 1e-9, 1e-9);
  switch (f.bound) {
    case 'exact':
      return [v - f.tolerance, v + f.tolerance];
    case 'about':
      return [v * 0.9, v * 1.1];
    case 'nearly':
      return [v * 0.9, v];
    case 'over':
      return [v + step, Infinity];
    case 'at-least':
      return [v, Infinity];
    case 'under':
      return [0, v - step];
    case 'at-most':
      return [0, v];
  }
}

const UPWARD = new Set<Bound>(['over', 'at-least']);
const DOWNWARD = new Set<Bound>(['under', 'at-most', 'nearly']);

/**
 * How a source's figure bears on a claimed one (same unit assumed): `same` when the source
 * states it (its values all fall within the claim's: 3,657 for "more than 3,000"; or the same
 * number loosely put: "2,000-plus" for "about 2,000"), `consistent` when both could be true
 * (3,657 for "at least 2,000"... is `same`; "more than 3,000" for 10,000 is only consistent),
 * `different` when they cannot both be true.
 */
export function compareFigures(claim: Figure, source: Figure): FigureRelation {
  if (claim.unit !== source.unit || (claim.unit === 'money' && claim.currency !== source.currency)) return 'consistent';
  const [cLow, cHigh] = figureRange(claim);
  const [sLow, sHigh] = figureRange(source);
  if (sLow >= cLow && sHigh <= cHigh) return 'same';
  const sameNumber = Math.abs(claim.value - source.value) <= Math.max(claim.tolerance, claim.value * 1e-9);
  const opposite = (UPWARD.has(claim.bound) && DOWNWARD.has(source.bound)) || (DOWNWARD.has(claim.bound) && UPWARD.has(source.bound));
  if (sameNumber && !opposite) return 'same';
  return sLow <= cHigh && cLow <= sHigh ? 'consistent' : 'different';
}
