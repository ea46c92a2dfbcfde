// Shared look: colours and the small text pieces every view uses.
import { formatDate } from '../../corpus/articleDate.js';

export const COLORS = {
  citation: 0x2b7a78,
  context: 0x3a6ea5,
  list: 0x6c757d,
  help: 0x8e6c8a,
} as const;

/** "wuxinews.com.cn · 18 Dec 2020": the date at its own precision, never more. */
export function sourceAndDate(article: { source: string | null; date: string | null }): string {
  return `${article.source ?? 'publisher unknown'} · ${formatDate(article.date)}`;
}

/** Every line as a Markdown block quote. */
export const blockQuote = (text: string): string =>
  text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');

export const pluralize = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
