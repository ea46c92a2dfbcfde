import type { DatePrecision } from './schema.js';

const MONTHS_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function datePrecision(date: string | null): DatePrecision | null {
  if (date === null) return null;
  return date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year';
}

/** "18 Dec 2020", "Dec 2020" or "2020": never more precise than the source (a year is not 1 January). */
export function formatDate(date: string | null): string {
  if (date === null) return 'date unknown';
  const [year, month, day] = date.split('-');
  if (!month) return year!;
  const monthName = MONTHS_SHORT[Number(month) - 1]!;
  return day ? `${Number(day)} ${monthName} ${year}` : `${monthName} ${year}`;
}

/** Calendar parts of a date string, for relative-date arithmetic. */
export function dateParts(date: string): { year: number; month?: number; day?: number } {
  const [year, month, day] = date.split('-').map(Number);
  return { year: year!, ...(month ? { month } : {}), ...(day ? { day } : {}) };
}
