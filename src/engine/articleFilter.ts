// Filters on ask and search: articles from a date on (`since`) and from one publisher (`source`).
// They are applied to retrieval itself (retrieveCandidates), so the best answer within the filter
// is found and ranked, not the unfiltered top few thinned out afterwards.
import { z } from 'zod';
import { formatDate } from '../corpus/articleDate.js';
import { DATE_PATTERN, isCalendarDate, type Article } from '../corpus/schema.js';

export interface AnswerFilter {
  /** "2020", "2020-06" or "2020-12-01": articles dated then or later; articles with no date are left out. */
  since?: string;
  /** A publisher as the corpus names it (any letter case): only its articles. */
  source?: string;
}

const SINCE_HELP = 'a year (2020), a month (2020-06) or a day (2020-12-01)';

/** The filter as people type it, checked: the one definition the shells (slash options, CLI flags) and the engine share. */
export const answerFilterSchema = z.object({
  since: z
    .string()
    .trim()
    .regex(DATE_PATTERN, `"since" must be ${SINCE_HELP}`)
    .refine(isCalendarDate, `"since" must be a day that exists in the calendar (not 2021-02-30)`)
    .optional(),
  source: z.string().trim().min(1, '"source" must name a publisher').max(200, '"source" is too long to be a publisher').optional(),
});

/** A filter that did not parse: what to tell the person. */
export class FilterError extends Error {
  override name = 'FilterError';
}

/** The filter checked, or FilterError saying what is wrong with it and what to type instead. Blank values count as not given. */
export function parseAnswerFilter(raw: { since?: string | undefined; source?: string | undefined }): AnswerFilter {
  const given = Object.fromEntries(
    Object.entries({ since: raw.since, source: raw.source }).filter(([, v]) => typeof v === 'string' && v.trim() !== ''),
  );
  const parsed = answerFilterSchema.safeParse(given);
  if (!parsed.success) throw new FilterError(parsed.error.issues.map((i) => i.message).join('; '));
  return Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined));
}

export const hasFilter = (filter: AnswerFilter | undefined): filter is AnswerFilter =>
  filter?.since !== undefined || filter?.source !== undefined;

/**
 * An article dated at a coarser precision than `since` counts when its year (or month) reaches it:
 * "2020" is kept by since 2020-06, since it may be from June on; "2020-05-03" is not.
 */
const datedSince = (date: string | null, since: string) => date !== null && date >= since.slice(0, date.length);

/** "dated 2020 or later from wuxinews.com.cn": the filter in words, for messages. */
export function describeFilter(filter: AnswerFilter): string {
  return [filter.since && `dated ${formatDate(filter.since)} or later`, filter.source && `from ${filter.source}`].filter(Boolean).join(' ');
}

export interface ArticleMask {
  /** Per article number: 1 when the filter keeps it. */
  allowed: Uint8Array;
  kept: number;
  /** Articles with no date, left out by `since`. */
  undated: number;
  filter: AnswerFilter;
}

export function articleMask(articles: readonly Article[], filter: AnswerFilter): ArticleMask {
  const allowed = new Uint8Array(articles.length);
  const source = filter.source?.toLowerCase();
  let kept = 0;
  let undated = 0;
  articles.forEach((a, i) => {
    if (filter.since !== undefined && a.date === null) undated++;
    const keep =
      (filter.since === undefined || datedSince(a.date, filter.since)) && (source === undefined || a.source?.toLowerCase() === source);
    if (keep) {
      allowed[i] = 1;
      kept++;
    }
  });
  return { allowed, kept, undated, filter };
}

/** The corpus's publishers, most articles first: what `source` can be. */
export function publishers(articles: readonly Article[]): string[] {
  const counts = new Map<string, number>();
  for (const a of articles) if (a.source !== null) counts.set(a.source, (counts.get(a.source) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);
}

const undatedNote = (mask: ArticleMask) =>
  mask.undated > 0
    ? ` (${mask.undated} article${mask.undated === 1 ? ' has' : 's have'} no date, so "since" leaves ${mask.undated === 1 ? 'it' : 'them'} out)`
    : '';

/** Why a filter that keeps no article at all declines, and what it could be instead. */
export function noArticleMessage(articles: readonly Article[], mask: ArticleMask): string {
  const { filter } = mask;
  const hints: string[] = [];
  if (filter.source !== undefined && !articles.some((a) => a.source?.toLowerCase() === filter.source!.toLowerCase())) {
    const names = publishers(articles);
    hints.push(
      names.length ? `the publishers are ${names.slice(0, 5).join(', ')}${names.length > 5 ? '…' : ''}` : 'no article names its publisher',
    );
  }
  if (filter.since !== undefined) {
    const newest = articles.reduce<string | null>((best, a) => (a.date !== null && (best === null || a.date > best) ? a.date : best), null);
    if (newest !== null && !datedSince(newest, filter.since)) hints.push(`the newest article is from ${formatDate(newest)}`);
  }
  return `No article in the sources is ${describeFilter(filter)}${undatedNote(mask)}${hints.length ? `: ${hints.join('; ')}` : ''}.`;
}

/** Why a question the sources answer is declined under the filter: the answer they give lies outside it. */
export function filteredOutMessage(mask: ArticleMask, outside: { date: string | null; source: string | null }): string {
  const where = [formatDate(outside.date), outside.source].filter((s): s is string => s !== null).join(', ');
  return `Nothing ${describeFilter(mask.filter)} answers that${undatedNote(mask)}. An article outside the filter does (${where}): ask without the filter to see it.`;
}
