// The dates a text writes out ("Feb 28", "November 2009", "in 2020", "Dec 16, 2020"), with
// their parts and where they are: what a claim's date is compared with, and what a "when"
// answer shows in bold. Pure.

export interface StatedDate {
  year?: number;
  /** 1-12 */
  month?: number;
  day?: number;
  start: number;
  end: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
const YEAR = String.raw`(?:1[89]|20|21)\d{2}`;
const DATE = new RegExp(
  [
    String.raw`(?<md>${MONTH})\s+(?<mdDay>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?<mdYear>${YEAR}))?`,
    String.raw`(?<dmDay>\d{1,2})(?:st|nd|rd|th)?\s+(?<dm>${MONTH})(?:,?\s+(?<dmYear>${YEAR}))?`,
    String.raw`(?<my>${MONTH})\s+(?<myYear>${YEAR})`,
    String.raw`(?<year>${YEAR})`,
  ]
    .map((p) => String.raw`(?<![\p{L}\p{N},.])${p}(?![\p{L}\p{N}]|,\d|\.\d)`)
    .join('|'),
  'gu',
);

/** Every date the text writes out, in order. A month name alone ("in May") is not a date: it may be a word. */
export function statedDates(text: string): StatedDate[] {
  const dates: StatedDate[] = [];
  for (const m of text.matchAll(DATE)) {
    const g = m.groups!;
    const monthName = g.md ?? g.dm ?? g.my;
    const yearText = g.mdYear ?? g.dmYear ?? g.myYear ?? g.year;
    const dayText = g.mdDay ?? g.dmDay;
    // A bare four-digit number followed by a unit or scale is a figure, not a year ("2000 billion yuan").
    if (g.year && /^\s*(billion|million|thousand|trillion|percent|%|yuan|dollars?)\b/i.test(text.slice(m.index + m[0].length))) continue;
    const day = dayText ? Number(dayText) : undefined;
    if (day !== undefined && (day < 1 || day > 31)) continue;
    dates.push({
      ...(yearText ? { year: Number(yearText) } : {}),
      ...(monthName ? { month: MONTHS.indexOf(monthName.slice(0, 3).toLowerCase()) + 1 } : {}),
      ...(day ? { day } : {}),
      start: m.index,
      end: m.index + m[0].length,
    });
  }
  return dates;
}

/**
 * Whether a source's date agrees with a claimed one, compared at the parts both give: "in 2009"
 * agrees with "November 2009"; "Feb 28" (a year left to the article) with "February 28, 2017".
 */
export function datesAgree(claim: StatedDate, source: StatedDate): boolean {
  const parts = ['year', 'month', 'day'] as const;
  const shared = parts.filter((p) => claim[p] !== undefined && source[p] !== undefined);
  return shared.length > 0 && shared.every((p) => claim[p] === source[p]);
}
