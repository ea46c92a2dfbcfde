const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAME = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';

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
}

/** A wire-style dateline opening the first paragraph: "Wuxi, October 10 (Reporter Sun Quan) The ...". */
export function findDateline(paragraph: string): Dateline | null {
  const m = new RegExp(`^(\\p{Lu}[\\p{L}.'-]*(?:[ -]\\p{Lu}[\\p{L}.'-]*)*),\\s+${MONTH_NAME}\\s+(\\d{1,2})(?:\\s*\\([^)]*\\))?(?:\\s*(?:--|—|–|-))?`, 'iu').exec(paragraph);
  if (!m) return null;
  return { text: m[0].trim(), place: m[1]!, month: monthNumber(m[2]!), day: Number(m[3]) };
}

/**
 * The year a dateline belongs to, from the article's own text: a year written next to the
 * dateline's month ("October 2023") wins; otherwise the year the text names most often.
 */
export function yearForDateline(dateline: Dateline, text: string): { year: number; evidence: string } | null {
  const monthPattern = new RegExp(`\\b${MONTH_NAME}\\s+(\\d{4})\\b`, 'gi');
  for (const m of text.matchAll(monthPattern)) {
    if (monthNumber(m[1]!) === dateline.month) return { year: Number(m[2]), evidence: `the text names "${m[0]}"` };
  }
  const counts = new Map<number, number>();
  for (const m of text.matchAll(/\b(19|20)\d{2}\b/g)) counts.set(Number(m[0]), (counts.get(Number(m[0])) ?? 0) + 1);
  const best = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
  return best ? { year: best[0], evidence: `${best[0]} is the year the text names most often` } : null;
}

export function datelineDate(dateline: Dateline, year: number): string | null {
  return isoDate(year, dateline.month, dateline.day);
}
