const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAME =
  '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';

const pad = (n: number) => String(n).padStart(2, '0');
const monthNumber = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;

function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** A full date written out in a line: "Dec 18, 2020", "18 December 2020", "2021-03-26", "2021/3/26". */
export function parseWrittenDate(text: string): string | null {
  let m = /\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b/.exec(text);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = new RegExp(`\\b${MONTH_NAME}\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`, 'i').exec(text);
  if (m) return isoDate(Number(m[3]), monthNumber(m[1]!), Number(m[2]));
  m = new RegExp(`\\b(\\d{1,2})\\s+${MONTH_NAME},?\\s+(\\d{4})\\b`, 'i').exec(text);
  if (m) return isoDate(Number(m[3]), monthNumber(m[2]!), Number(m[1]));
  return null;
}

export interface Dateline {
  /** The dateline as printed, with any byline in brackets: "Wuxi, October 10 (Reporter Sun Quan)". */
  text: string;
  place: string;
  month: number;
  day: number;
  /** What the brackets hold: a wire agency ("Xinhua") or a byline ("Reporter Sun Quan"). */
  credit: string | null;
}

const MONTH_WORDS = new Set([
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'sept',
]);
const isMonthWord = (word: string) => MONTH_WORDS.has(word.toLowerCase()) || MONTHS.includes(word.toLowerCase());

/**
 * A wire-style dateline opening the first paragraph: "Wuxi, October 10 (Reporter Sun Quan) The ...",
 * "BEIJING, Jan. 5 (Xinhua) -- ...". A credit in brackets or a dash must follow: without one,
 * "However, March 5 was chosen ..." would lose its first words and gain a date it does not state.
 */
export function findDateline(paragraph: string): Dateline | null {
  const m =
    /^(\p{Lu}[\p{L}.'-]*(?:[ -]\p{Lu}[\p{L}.'-]*)*),\s+(\p{Lu}\p{L}{2,8})\.?\s+(\d{1,2})(?:\s*\(([^)]*)\)(?:\s*(?:--|—|–|-))?|\s*(?:--|—|–|-))(?=\s|$)/u.exec(
      paragraph,
    );
  if (!m || !isMonthWord(m[2]!)) return null;
  return { text: m[0].trim(), place: m[1]!, month: monthNumber(m[2]!), day: Number(m[3]), credit: m[4]?.trim() || null };
}

/**
 * The year a dateline belongs to, from the article's own text: a year written with the
 * dateline's month ("October 2023", "Jan. 15, 2022"). The year a text names most often is
 * no evidence: a January story about last year's results names last year throughout.
 */
export function yearForDateline(dateline: Dateline, text: string): { year: number; evidence: string } | null {
  const monthYear = new RegExp(`\\b${MONTH_NAME}\\s+(?:\\d{1,2},?\\s+)?(\\d{4})\\b`, 'g');
  for (const m of text.matchAll(monthYear)) {
    if (monthNumber(m[1]!) === dateline.month) return { year: Number(m[2]), evidence: `the text names "${m[0]}"` };
  }
  return null;
}

export function datelineDate(dateline: Dateline, year: number): string | null {
  return isoDate(year, dateline.month, dateline.day);
}

/**
 * Takes a wire dateline off the first paragraph, and dates it when the text ties a year to its
 * month. `text` is the whole article, where that year may be written.
 */
export function takeDateline(
  firstParagraph: string,
  text: string,
): { dateline: Dateline; rest: string; date?: string; note?: string } | null {
  const dateline = findDateline(firstParagraph);
  if (!dateline) return null;
  const rest = firstParagraph.slice(dateline.text.length).trim();
  const year = yearForDateline(dateline, text);
  const date = year ? datelineDate(dateline, year.year) : null;
  if (!year || !date) return { dateline, rest };
  return { dateline, rest, date, note: `The article prints no year: its dateline "${dateline.text}" gives the day, and ${year.evidence}.` };
}
