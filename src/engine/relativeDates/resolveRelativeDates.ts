// Relative time in a sentence ("last month", "will open in March", "the third quarter"), resolved
// against the article's date by chrono-node (with the periods of periodParsers.ts added) and read
// in the sentence's tense. The quote itself is never changed: these become notes beside it, and
// their years become index terms, so "in 2020" finds "this year" in a 2020 article.
import { createRequire } from 'node:module';
import type * as ChronoEnglish from 'chrono-node/en';
import type { Chrono, ParsedResult } from 'chrono-node/en';
import { dateParts } from '../../corpus/articleDate.js';
import { PART_TAG_PREFIX, PERIOD_PARSERS, PERIOD_TAG } from './periodParsers.js';
import { addDays, dayOf, describePeriod, yearsOf, type CalendarDay, type Period } from './period.js';
import { pointsForward, sameClause } from './tense.js';

export interface ResolvedDate {
  /** The words as the quote has them: "this year", "in February last year". */
  phrase: string;
  /** What they mean given the article's date: "2020", "February 2017", "16 Dec 2020". */
  resolved: string;
  /**
   * Years the phrase refers to, so a question naming the year finds the sentence; none for the base
   * of a comparison ("up from 118 million a year earlier"), which is not what the sentence reports.
   */
  years: number[];
}

// Loaded on first use, and only the English locale: most runs read a prebuilt index and never parse a date.
const require = createRequire(import.meta.url);
let chrono: Chrono | undefined;
function dateParser(): Chrono {
  if (!chrono) {
    const en = require('chrono-node/en') as typeof ChronoEnglish;
    chrono = en.casual.clone();
    // Clock times are never a date's business here, and they swallow numbers: "last year, 20 companies".
    chrono.parsers = [...PERIOD_PARSERS, ...chrono.parsers.filter((p) => p.constructor.name !== 'ENTimeExpressionParser')];
  }
  return chrono;
}

type Precision = 'day' | 'month' | 'year';

/** Words that make a phrase relative to when it was written; without one, a phrase with its year written needs no note. */
const RELATIVE_WORDS =
  /\b(?:this|last|next|previous|preceding|following|coming|past|ago|earlier|later|before|after|yesterday|today|tomorrow|week|weekend|month|year|decade)\b/i;
/** What chrono reads that is no date a reader would want resolved. */
const NOT_A_DATE = /^(?:now|right now|tonight|this (?:morning|afternoon|evening)|the (?:day|week|month)|(?:the )?weekend)$/i;
/** Times of day ("an hour before midnight"): never a date's business here. */
const CLOCK = /\b(?:hours?|minutes?|midnight|noon|o'clock|[ap]\.?m\.?)\b/i;
/** Spans of time counted from some event, not from the article's date: "58 years after", "after two years", "the past month". */
const DURATION =
  /^(?:after|within|for|over)\s+(?:\S+\s+)?(?:years?|months?|weeks?|days?)$|^(?:\S+\s+)?(?:years?|months?|weeks?|days?)\s+(?:after|later|before|earlier)$|^(?:the\s+)?past\s+(?:months?|weeks?|days?|few\s+\w+)$/i;
/**
 * What makes the phrase after it the base of a comparison: "up from 118 million euros a year
 * earlier", "from the same period last year", "more than a year earlier" (a bare "from" is not:
 * "from January to October").
 */
const COMPARED_WITH = [
  /\b(?:from|than|compared (?:with|to)|versus|against)\s+[^,;]{0,40}?\d[^,;]{0,30}?\s$/i,
  /\b(?:from|than|on|over|compared (?:with|to)|versus|against)\s+(?:the\s+)?same\s+(?:period|time|quarter|month)\s+(?:of\s+)?$/i,
];
const NARRATIVE_COMPARED_WITH = /\b(?:from|than|on|over|compared (?:with|to)|versus|against)\s+$/i;

const STRAY_EDGES = /^[\s,;:.!?'"“”‘’()[\]-]+|[\s,;:.!?'"“”‘’()[\]-]+$/g;
/** A bare "this/last/next year" as a time adverbial ("last year's harvest" names a thing, not a time). */
const YEAR_ANCHOR = /^(?:this|last|next) year$/i;

interface Found {
  start: number;
  end: number;
  phrase: string;
  period: Period;
  /** Written without a year and not counted from the article's date: its year comes from the sentence. */
  needsYear: boolean;
  /** A bare "this/last/next year" that dates the other phrases of its clause. */
  anchor: boolean;
  /** "a year earlier", "the previous year": a step from another year. */
  narrative: boolean;
}

const isComparisonBase = (before: string, narrative: boolean) =>
  COMPARED_WITH.some((p) => p.test(before)) || (narrative && NARRATIVE_COMPARED_WITH.test(before));

/**
 * A word without which no phrase of a sentence gets a note: a month, a weekday, a unit of the
 * calendar or a word of time, or a numeric day ("3/26"). chrono-node reads a sentence in about
 * 50 µs, a million of them in most of a minute; most sentences have none of these and skip it.
 */
const MAY_HOLD_A_DATE =
  /\b(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|(?:mon|tues|wednes|thurs|fri|satur|sun)days?|today|tonight|tomorrow|yesterday|ago|earlier|later|previous|preceding|following|coming|past|last|next|days?|weeks?|weekends?|months?|years?|quarters?|half|decade|q[1-4]|h[12]|\d{1,2}\/\d{1,2})\b/i;

/** Nothing is resolved when the article has no date, nor anything finer than the article's own date. */
export function resolveRelativeDates(sentence: string, articleDate: string | null): ResolvedDate[] {
  if (!articleDate || !MAY_HOLD_A_DATE.test(sentence)) return [];
  const { year, month, day } = dateParts(articleDate);
  const precision: Precision = day !== undefined ? 'day' : month !== undefined ? 'month' : 'year';
  const ref: CalendarDay = { year, month: month ?? 1, day: day ?? 1 };
  const instant = new Date(Date.UTC(ref.year, ref.month - 1, ref.day, 12));

  const found: Found[] = [];
  for (const result of dateParser().parse(shieldCounts(sentence), { instant, timezone: 0 })) {
    const written = sentence.slice(result.index, result.index + result.text.length);
    const phrase = written.replace(STRAY_EDGES, '');
    const duration = DURATION.test(phrase) && !result.tags().has(PERIOD_TAG.narrative);
    if (!phrase || NOT_A_DATE.test(phrase) || duration || isOnlyTime(result) || CLOCK.test(phrase)) continue;
    const start = result.index + written.indexOf(phrase);
    const end = start + phrase.length;
    const meaning = toPeriod(result, phrase, { sentence, start, end }, ref, precision);
    if (!meaning) continue;
    const possessive = /^['’]s\b/.test(sentence.slice(end));
    const narrative = result.tags().has(PERIOD_TAG.narrative);
    found.push({ start, end, phrase, ...meaning, anchor: YEAR_ANCHOR.test(phrase) && !possessive, narrative });
  }

  // A date without its year takes the year its clause gives ("next year, from Jan 5 to Jan 9"), else the tense's.
  for (const f of found.filter((f) => f.needsYear)) {
    const anchor = nearest(
      found.filter((a) => a.anchor && sameClause(sentence, a, f)),
      f,
    );
    // An article dated only by its year gives its year: there is no month to count back or forward from.
    f.period = anchor
      ? inYear(f.period, anchor.period.from.year)
      : precision === 'year'
        ? inYear(f.period, ref.year)
        : inDirection(f.period, ref, pointsForward(sentence, f.start, f.end));
    // "in February last year" is one phrase, one note.
    if (anchor && anchor.start >= f.end && /^[\s,]*(?:of\s+)?$/.test(sentence.slice(f.end, anchor.start))) {
      f.phrase = sentence.slice(f.start, anchor.end);
      f.end = anchor.end;
      anchor.phrase = '';
    }
  }
  return found
    .filter((f) => f.phrase)
    .sort((a, b) => a.start - b.start)
    .map((f) => ({
      phrase: f.phrase,
      resolved: describePeriod(f.period),
      years: isComparisonBase(sentence.slice(0, f.start), f.narrative) ? [] : yearsOf(f.period),
    }));
}

/**
 * "In March, 20 companies" is not 20 March: a comma between a word and a number becomes a
 * semicolon (same length, so positions hold) before chrono reads the sentence.
 */
const shieldCounts = (sentence: string) => sentence.replace(/(\p{L}),(\s+\d)/gu, '$1;$2');

interface Place {
  sentence: string;
  start: number;
  end: number;
}

/**
 * What a chrono result means as a Period, or undefined when it is no relative date or needs a
 * finer article date than there is ("yesterday" in an article dated only by its month).
 */
function toPeriod(result: ParsedResult, phrase: string, place: Place, ref: CalendarDay, precision: Precision) {
  const tags = result.tags();
  const s = result.start;
  const from = dayOf(s.date());
  const to = result.end ? dayOf(result.end.date()) : undefined;
  const withTo = (period: Period): Period => (to ? { ...period, to } : period);
  const yearWritten = s.isCertain('year');
  const relative = RELATIVE_WORDS.test(phrase) || tags.has(PERIOD_TAG.narrative);
  const placed = (period: Period | undefined) => period && { period, needsYear: false };
  const unplaced = (period: Period) => ({ period, needsYear: !yearWritten });
  // A date with its year written ("Dec 18, 2020", "by the end of 2025", "Q3 2020") needs no note.
  if (yearWritten && !relative) return undefined;
  if (tags.has(PERIOD_TAG.quarter)) return unplaced({ unit: 'quarter', from });
  if (tags.has(PERIOD_TAG.half)) return unplaced({ unit: 'half', from });
  if (tags.has(PERIOD_TAG.months)) return unplaced(withTo({ unit: 'month', from }));
  if (tags.has(PERIOD_TAG.years)) return placed(withTo({ unit: 'year', from }));
  const part = [...tags].find((t) => t.startsWith(PART_TAG_PREFIX))?.slice(PART_TAG_PREFIX.length) as Period['part'];
  if (part) return placed(s.isCertain('month') ? needs('month', precision, { unit: 'month', from, part }) : { unit: 'year', from, part });
  if (/\bweekend\b/i.test(phrase)) {
    const saturday = addDays(monday(from), 5);
    return placed(needs('day', precision, { unit: 'day', from: saturday, to: addDays(saturday, 1) }));
  }
  if (/\bweeks?\b/i.test(phrase)) return placed(needs('day', precision, { unit: 'week', from: monday(from) }));
  if (s.isCertain('weekday') && !s.isCertain('day')) {
    // "Sun", "sat", "Mon" are the sun, a verb, a name: only a weekday written out is one.
    if (!/day\b/i.test(phrase)) return undefined;
    // "from Monday to Saturday" is a timetable, not a date.
    if (result.end) return undefined;
    return placed(needs('day', precision, { unit: 'day', from: weekdayDay(result, phrase, place, ref) }));
  }
  // "yesterday", "last month": counted from the article's date. "Jan 5", "in March": placed by the sentence.
  if (s.isCertain('day'))
    return yearWritten || relative
      ? placed(needs('day', precision, withTo({ unit: 'day', from })))
      : unplaced(withTo({ unit: 'day', from }));
  if (s.isCertain('month'))
    return yearWritten ? placed(needs('month', precision, withTo({ unit: 'month', from }))) : unplaced(withTo({ unit: 'month', from }));
  if (yearWritten) return placed(withTo({ unit: 'year', from }));
  return undefined;
}

const isOnlyTime = ({ start }: ParsedResult) =>
  start.isCertain('hour') && !(['year', 'month', 'day', 'weekday'] as const).some((c) => start.isCertain(c));

const ORDER: Precision[] = ['year', 'month', 'day'];
const needs = (finest: Precision, precision: Precision, period: Period) =>
  ORDER.indexOf(precision) >= ORDER.indexOf(finest) ? period : undefined;

function monday(day: CalendarDay): CalendarDay {
  const weekday = new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

/**
 * "On Tuesday" in a Thursday's article is two days before; "will play on Sunday", the Sunday after;
 * "last/next Tuesday" as chrono counts them.
 */
function weekdayDay(result: ParsedResult, phrase: string, { sentence, start, end }: Place, ref: CalendarDay): CalendarDay {
  if (/\b(?:last|next|this|coming|past)\b/i.test(phrase)) return dayOf(result.start.date());
  const wanted = result.start.get('weekday')!;
  const refWeekday = new Date(Date.UTC(ref.year, ref.month - 1, ref.day)).getUTCDay();
  if (pointsForward(sentence, start, end)) return addDays(ref, (wanted - refWeekday + 7) % 7 || 7);
  return addDays(ref, -((refWeekday - wanted + 7) % 7));
}

function nearest(anchors: Found[], f: Found): Found | undefined {
  const gap = (a: Found) => (a.end <= f.start ? f.start - a.end : a.start - f.end);
  return anchors.filter((a) => a !== f).sort((a, b) => gap(a) - gap(b))[0];
}

function inYear(period: Period, year: number): Period {
  const shift = year - period.from.year;
  const move = (d: CalendarDay): CalendarDay => ({ ...d, year: d.year + shift });
  return { ...period, from: move(period.from), ...(period.to ? { to: move(period.to) } : {}) };
}

/**
 * The year of a period written without one: the last such period over by the article's date when
 * the clause looks back ("sales rose in the first half", in January, is last year's), the first one
 * not yet over when it looks ahead.
 */
function inDirection(period: Period, ref: CalendarDay, forward: boolean): Period {
  const last = period.to ?? period.from;
  const spanMonths = period.unit === 'quarter' ? 2 : period.unit === 'half' ? 5 : 0;
  const useDay = period.unit === 'day';
  const key = (d: CalendarDay) => d.month * 100 + (useDay ? d.day : 0);
  // A run that crosses New Year ("from November to February") ends the year after it starts.
  const crossesNewYear = period.to !== undefined && key(period.to) < key(period.from);
  const endKey = key({ ...last, month: last.month + spanMonths }) + (crossesNewYear ? 1200 : 0);
  const year = forward ? (endKey < key(ref) ? ref.year + 1 : ref.year) : endKey > key(ref) ? ref.year - 1 : ref.year;
  const placed = inYear(period, year);
  if (crossesNewYear) placed.to = { ...placed.to!, year: placed.from.year + 1 };
  return placed;
}
