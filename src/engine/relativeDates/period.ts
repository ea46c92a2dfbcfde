// A stretch of the calendar a phrase refers to, and how a note names it.

export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

/**
 * What a phrase means: a day, a week, a month, a quarter, a half, a year, or a run of them; `part`
 * narrows a year or month to its end, beginning or middle ("the end of last year").
 */
export interface Period {
  unit: 'day' | 'week' | 'month' | 'quarter' | 'half' | 'year';
  from: CalendarDay;
  /** The last unit of a run ("from January to October": October), when it is more than one. */
  to?: CalendarDay;
  part?: 'end' | 'beginning' | 'middle' | 'early' | 'late';
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
export const monthName = (month: number) => MONTH_NAMES[month - 1]!;
const shortMonth = (month: number) => monthName(month).slice(0, 3);

export function dayOf(date: Date): CalendarDay {
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function addDays({ year, month, day }: CalendarDay, days: number): CalendarDay {
  return dayOf(new Date(Date.UTC(year, month - 1, day + days)));
}

const ordinalHalf = ['first', 'second'];

/** "5 Jan 2021", "5–9 Jan 2022", "January–October 2020", "Q3 2020 (July–September)", "end of 2020", "2011–2021". */
export function describePeriod({ unit, from, to, part }: Period): string {
  switch (unit) {
    case 'day':
      if (!to) return `${from.day} ${shortMonth(from.month)} ${from.year}`;
      if (to.year === from.year && to.month === from.month) return `${from.day}–${to.day} ${shortMonth(from.month)} ${from.year}`;
      return `${describePeriod({ unit, from })}–${describePeriod({ unit, from: to })}`;
    case 'week':
      return `the week of ${describePeriod({ unit: 'day', from })}`;
    case 'month':
      if (part) return `${part === 'early' || part === 'late' ? part : `${part} of`} ${monthName(from.month)} ${from.year}`;
      if (!to) return `${monthName(from.month)} ${from.year}`;
      if (to.year === from.year) return `${monthName(from.month)}–${monthName(to.month)} ${from.year}`;
      return `${monthName(from.month)} ${from.year}–${monthName(to.month)} ${to.year}`;
    case 'quarter': {
      const q = Math.floor((from.month - 1) / 3);
      return `Q${q + 1} ${from.year} (${monthName(q * 3 + 1)}–${monthName(q * 3 + 3)})`;
    }
    case 'half': {
      const h = from.month <= 6 ? 0 : 1;
      return `${ordinalHalf[h]} half of ${from.year} (${monthName(h * 6 + 1)}–${monthName(h * 6 + 6)})`;
    }
    case 'year':
      if (to && to.year !== from.year) return `${from.year}–${to.year}`;
      return part === 'early' || part === 'late' ? `${part} ${from.year}` : part ? `${part} of ${from.year}` : `${from.year}`;
  }
}

/** The years a period touches, its first and last: what a question naming a year is matched against. */
export function yearsOf({ from, to }: Period): number[] {
  return to && to.year !== from.year ? [from.year, to.year] : [from.year];
}
